using System.Net;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Foundation;

public sealed class NavigationTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    public static TheoryData<string, string, string> NavPages => new()
    {
        { "/", "en", "Dashboard" }, { "/", "pt-BR", "Painel" },
        { "/devices", "en", "Devices" }, { "/devices", "pt-BR", "Dispositivos" },
        { "/service-engagement", "en", "Service Engagement" }, { "/service-engagement", "pt-BR", "Engajamento de serviço" },
        { "/approval-queue", "en", "Approval Queue" }, { "/approval-queue", "pt-BR", "Fila de aprovações" },
        { "/batch-results", "en", "Batch Results" }, { "/batch-results", "pt-BR", "Resultados de lotes" },
        { "/executions", "en", "Executions" }, { "/executions", "pt-BR", "Execuções" },
        { "/compliance-reports", "en", "Compliance Reports" }, { "/compliance-reports", "pt-BR", "Relatórios de conformidade" },
        { "/incidents", "en", "Incidents" }, { "/incidents", "pt-BR", "Incidentes" },
        { "/controlled-operation", "en", "Controlled Operation" }, { "/controlled-operation", "pt-BR", "Operação controlada" },
        { "/handoff", "en", "Handoff" }, { "/handoff", "pt-BR", "Passagem de turno" },
        { "/artifacts", "en", "Artifacts" }, { "/artifacts", "pt-BR", "Artefatos" },
    };

    [Theory]
    [MemberData(nameof(NavPages))]
    public async Task Every_nav_page_renders_in_the_requested_language(string path, string culture, string navLabel)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync($"{path}{(path.Contains('?') ? '&' : '?')}culture={culture}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{(culture == "pt-BR" ? "pt-BR" : "en")}\"", html);
        Assert.Contains(navLabel, html);
        Assert.Contains("<h1>", html);
    }

    [Fact]
    public async Task Chosen_language_is_remembered_in_a_cookie()
    {
        var client = await factory.CreateReadyClientAsync();

        var first = await client.GetAsync("/devices?culture=pt-BR");
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Get, "/incidents");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var second = await client.SendAsync(request);

        Assert.Contains("Incidentes", await second.Content.ReadAsStringAsync());
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Accept_language_header_selects_portuguese()
    {
        var client = await factory.CreateReadyClientAsync("pt-BR");

        var html = await client.GetStringAsync("/artifacts");

        Assert.Contains("<html lang=\"pt-BR\"", html);
    }

    [Fact]
    public async Task Unknown_address_is_a_localized_404_page_without_details()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/no-such-page?culture=pt-BR");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Não encontrado", html);
        Assert.DoesNotContain("Exception", html);
    }
}

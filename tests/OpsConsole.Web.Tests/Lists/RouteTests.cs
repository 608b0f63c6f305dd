using System.Net;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Lists;

public sealed class RouteTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
{
    public static TheoryData<string, string, string> Routes => new()
    {
        { "/", "en", "Latest report" }, { "/", "pt-BR", "Último relatório" },
        { "/devices", "en", "Latest report" }, { "/devices", "pt-BR", "Último relatório" },
        { "/devices/RT-A-01", "en", "Compliance history" }, { "/devices/RT-A-01", "pt-BR", "Histórico de conformidade" },
        { "/compliance-reports", "en", "Highest severity" }, { "/compliance-reports", "pt-BR", "Maior severidade" },
        { "/compliance-reports/CR-2026-11-21-RT-A-01", "en", "Compliance report CR-2026-11-21-RT-A-01" },
        { "/compliance-reports/CR-2026-11-21-RT-A-01", "pt-BR", "Relatório de conformidade CR-2026-11-21-RT-A-01" },
        { "/compliance-reports/file?path=compliance/2026-11-21/FW-B-04.json", "en", "Unreadable:" },
        { "/compliance-reports/file?path=compliance/2026-11-21/FW-B-04.json", "pt-BR", "Ilegível:" },
        { "/incidents", "en", "most severe first" }, { "/incidents", "pt-BR", "dos mais graves" },
        { "/incidents/INC-0101", "en", "Incident INC-0101" }, { "/incidents/INC-0101", "pt-BR", "Incidente INC-0101" },
        { "/batch-results", "en", "Operator" }, { "/batch-results", "pt-BR", "Operador" },
        { "/batch-results/BATCH-0203", "en", "Staged payload" }, { "/batch-results/BATCH-0203", "pt-BR", "Payload preparado" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_dashboard_route_renders_in_the_requested_language(string path, string culture, string expected)
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, $"{path}{(path.Contains('?') ? '&' : '?')}culture={culture}");

        Assert.Contains($"<html lang=\"{culture}\"", html);
        Assert.Contains(expected, Page.Text(html));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1>"));
    }

    [Theory]
    [InlineData("/", "21/11/2026", "11/21/2026")]
    [InlineData("/batch-results/BATCH-0203", "20/11/2026 11:00 (UTC−03:00)", "11/20/2026 11:00 (UTC−03:00)")]
    public async Task Times_follow_the_culture_and_show_the_utc_offset(string path, string portuguese, string english)
    {
        var client = await factory.CreateReadyClientAsync();

        var pt = Page.Text(await Page.HtmlAsync(client, path + "?culture=pt-BR"));
        var en = Page.Text(await Page.HtmlAsync(client, path + "?culture=en"));

        Assert.Contains(portuguese, pt);
        Assert.Contains(english, en);
        Assert.Contains("(UTC", en);
    }

    [Theory]
    [InlineData("/devices/NO-SUCH-DEVICE")]
    [InlineData("/devices/bad%20name")]
    [InlineData("/compliance-reports/CR-NOPE")]
    [InlineData("/compliance-reports/file?path=devices.json")]
    [InlineData("/compliance-reports/file?path=compliance/2026-11-21/../../devices.json")]
    [InlineData("/compliance-reports/file?path=compliance/2026-11-21/NOPE.json")]
    [InlineData("/incidents/INC-9999")]
    [InlineData("/incidents/%3Cscript%3E")]
    [InlineData("/batch-results/BATCH-9999")]
    public async Task Unknown_or_malformed_ids_are_not_found(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_pages_have_no_inline_script_or_style()
    {
        var client = await factory.CreateReadyClientAsync();

        foreach (var path in new[] { "/", "/devices/SW-A-02", "/batch-results/BATCH-0203", "/compliance-reports/CR-2026-11-21-RT-A-01" })
        {
            var html = await Page.HtmlAsync(client, path);
            Assert.DoesNotContain("style=", html);
            Assert.DoesNotContain("<script>", html);
        }
    }
}

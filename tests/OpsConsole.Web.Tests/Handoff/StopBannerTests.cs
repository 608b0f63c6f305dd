using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Handoff;

public sealed class StopBannerTests(StopsFactory stops, MetricsFactory clear, ConsoleFactory basic)
    : IClassFixture<StopsFactory>, IClassFixture<MetricsFactory>, IClassFixture<ConsoleFactory>
{
    private static readonly string[] NavPages =
    [
        "/", "/devices", "/service-engagement", "/approval-queue", "/batch-results", "/compliance-reports", "/incidents",
        "/controlled-operation", "/handoff", "/artifacts", "/stop-conditions", "/metrics-board", "/audit",
    ];

    public static TheoryData<string> Pages => new(NavPages);

    public static TheoryData<string> PagesWithDocuments => new([.. NavPages, "/handoff/noc-handoff", "/handoff/leaked-notes"]);

    [Theory]
    [MemberData(nameof(PagesWithDocuments))]
    public async Task Every_page_carries_a_red_banner_naming_the_triggered_conditions(string path)
    {
        var client = await stops.CreateReadyClientAsync();

        var html = await client.GetStringAsync(path + "?culture=en");

        Assert.Contains("class=\"banner banner-bad banner-stop\" role=\"alert\" data-stop=\"triggered\"", html);
        Assert.Contains("Stop condition triggered: Secret-looking token in an artifact; Open critical incident.", html);
        Assert.Contains("<a href=\"/stop-conditions\">See stop conditions</a>", html);
    }

    [Fact]
    public async Task The_banner_speaks_portuguese_when_asked()
    {
        var client = await stops.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/devices?culture=pt-BR");

        Assert.Contains("Condição de parada acionada: Token com aparência de segredo em um artefato; Incidente crítico aberto.", html);
        Assert.Contains("Ver condições de parada", html);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_stop_banner_when_every_condition_is_clear(string path)
    {
        var client = await clear.CreateReadyClientAsync();

        var html = await client.GetStringAsync(path);

        Assert.DoesNotContain("data-stop=", html);
    }

    [Fact]
    public async Task Unknown_conditions_get_a_quieter_amber_banner_not_the_red_one()
    {
        // basic holds one unreadable compliance report: conditions 2 and 6 cannot be decided.
        var client = await basic.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/devices?culture=en");

        Assert.Contains("class=\"banner banner-warn banner-stop\" role=\"status\" data-stop=\"unknown\"", html);
        Assert.Contains("Compliance report contradicts itself", html);
        Assert.DoesNotContain("data-stop=\"triggered\"", html);
    }
}

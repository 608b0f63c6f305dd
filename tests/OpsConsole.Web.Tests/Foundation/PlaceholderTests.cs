using System.Text.RegularExpressions;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Foundation;

/// <summary>A label used without its argument shows "{0}" to the user; no page may do that.</summary>
public sealed partial class PlaceholderTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    public static TheoryData<string> Pages => new()
    {
        "/", "/devices", "/devices/4WNET-MNS-KTG-RX", "/compliance-reports", "/compliance-reports/CR-2026-11-21-4WNET-MNS-KTG-RX",
        "/incidents", "/incidents/INC-0042", "/batch-results", "/batch-results/BATCH-0111", "/approval-queue",
        "/executions", "/executions/week1-real-run.log", "/executions/week1-real-run.log?q=start&culture=pt-BR",
        "/approval-timeline/APR-2026-0111", "/service-engagement", "/service-engagement/4WNET-MNS-KTG-RX",
        "/controlled-operation", "/controlled-operation/cycle-002", "/handoff", "/handoff/noc-handoff", "/stop-conditions",
        "/metrics-board", "/audit", "/artifacts", "/archive",
    };

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_page_shows_an_unfilled_placeholder(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        foreach (var culture in new[] { "en", "pt-BR" })
        {
            var response = await client.GetAsync($"{path}?culture={culture}");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotMatch(Placeholder(), html);
        }
    }
}

using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Batches;

public sealed class BatchDetailTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
{
    [Fact]
    public async Task Batch_detail_flags_the_incomplete_payload_and_shows_every_run_with_its_blocked_reason()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/batch-results/BATCH-0203");
        var text = Page.Text(html);

        Assert.Contains("1 object(s) of this plan have a missing or empty staged payload", text);
        Assert.Contains("data-status=\"incomplete\"", html);
        Assert.Contains("Run run1", text);
        Assert.Contains("Run run2", text);
        Assert.Contains("Blocked: preflight: write token missing", text);
        Assert.Contains("2 min 05 s", text);
        Assert.Contains("href=\"/approval-timeline/APR-2026-0203\"", html);
    }

    [Fact]
    public async Task Batch_history_shows_mode_outcome_operator_and_duration()
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = Page.BodyRows(await Page.HtmlAsync(client, "/batch-results"));

        Assert.StartsWith("BATCH-0203 run2 Real Blocked preflight: write token missing joao.pereira", rows[0]);
        Assert.EndsWith("3 s 1", rows[0]);
    }
}

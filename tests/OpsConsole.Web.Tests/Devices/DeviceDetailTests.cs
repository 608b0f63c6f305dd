using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Devices;

public sealed class DeviceDetailTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
{
    [Fact]
    public async Task A_device_without_reports_says_so_and_where_its_reports_would_go()
    {
        var client = await factory.CreateReadyClientAsync();

        var text = Page.Text(await Page.HtmlAsync(client, "/devices/NEW-C-05"));

        Assert.Contains("NEW-C-05 has no compliance report yet", text);
        Assert.Contains("compliance/<YYYY-MM-DD>/NEW-C-05.json", text);
        Assert.Contains("SITEC", text);
    }

    [Fact]
    public async Task Device_history_shows_every_run_and_which_divergences_appeared_or_went_away()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/devices/SW-A-02");
        // The history table, after the strip's own day-by-day table.
        var rows = Page.BodyRows(html[html.IndexOf("id=\"history\"", StringComparison.Ordinal)..]);

        Assert.StartsWith("2026-11-21 Divergent 1 added platform : eos → =HYPERLINK(\"x\") resolved tenant : acme → null", rows[0]);
        Assert.StartsWith("2026-11-20 Divergent 1 first run", rows[1]);
        Assert.Contains("/download?path=compliance%2F2026-11-20%2FSW-A-02.json", html);
    }

    [Fact]
    public async Task Device_page_links_related_approvals_batches_and_open_incidents()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/devices/RT-A-01");

        Assert.Contains("href=\"/approval-timeline/APR-2026-0201\"", html);
        Assert.Contains("href=\"/approval-timeline/APR-2026-0203\"", html);
        Assert.Contains("href=\"/batch-results/BATCH-0203\"", html);
        Assert.Contains("href=\"/incidents/INC-0101\"", html);
        Assert.DoesNotContain("APR-2026-0202", html);
    }

    [Fact]
    public async Task Device_with_an_unreadable_latest_report_shows_it_as_unreadable_never_green()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/devices/FW-B-04");

        Assert.Contains("data-status=\"unreadable\"", html);
        Assert.DoesNotContain("data-status=\"compliant\"", html);
        Assert.Contains("/compliance-reports/file?path=compliance%2F2026-11-21%2FFW-B-04.json", html);
    }
}

namespace OpsConsole.Web.Tests.Dashboards;

public sealed class DetailTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
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
        var rows = Page.BodyRows(html);

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

    [Fact]
    public async Task An_unreadable_report_is_reachable_from_the_list_and_shows_the_reason()
    {
        var client = await factory.CreateReadyClientAsync();

        var list = await Page.HtmlAsync(client, "/compliance-reports?status=unreadable");
        var detail = Page.Text(await Page.HtmlAsync(client, "/compliance-reports/file?path=compliance/2026-11-21/FW-B-04.json"));

        Assert.Contains("href=\"/compliance-reports/file?path=compliance%2F2026-11-21%2FFW-B-04.json\"", list);
        Assert.Contains("Unreadable: not valid JSON", detail);
        Assert.Contains("Raw artifact (JSON)", detail);
    }

    [Fact]
    public async Task Report_detail_lists_divergences_incidents_and_summary_checks()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/compliance-reports/CR-2026-11-21-RT-A-01");
        var text = Page.Text(html);

        Assert.Contains("tenant acme null High", text);
        Assert.Contains("site SITEA SITEX Medium", text);
        Assert.Contains("10 checks: 8 passed, 2 failed", text);
        Assert.Contains("href=\"/incidents/INC-0101\"", html);
        Assert.Contains("/download?path=compliance%2F2026-11-21%2FRT-A-01.json", html);
    }

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

    [Fact]
    public async Task Incident_detail_shows_severity_status_and_device()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/incidents/INC-0103?culture=pt-BR");
        var text = Page.Text(html);

        Assert.Contains("Fan failure", text);
        Assert.Contains("data-status=\"resolved\"", html);
        Assert.Contains("href=\"/devices/OLT-B-03\"", html);
        Assert.Contains("21/11/2026 09:00 (UTC−03:00)", text);
    }
}

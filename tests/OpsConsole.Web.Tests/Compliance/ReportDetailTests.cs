using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Compliance;

public sealed class ReportDetailTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
{
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
}

using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Incidents;

public sealed class IncidentDetailTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
{
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

using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Dashboard;

public sealed class FreshnessTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
{
    [Fact]
    public async Task A_compliance_run_younger_than_the_threshold_is_fresh()
    {
        factory.Clock.Now = new DateTimeOffset(2026, 11, 21, 12, 5, 0, TimeSpan.Zero);
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/");

        Assert.Contains("data-status=\"fresh\"", html);
        Assert.Contains("Newest compliance run is 3 h 0 min old.", Page.Text(html));
        Assert.DoesNotContain("data-status=\"stale\"", html);
    }

    [Fact]
    public async Task A_compliance_run_older_than_the_threshold_shows_a_visible_warning()
    {
        factory.Clock.Now = new DateTimeOffset(2026, 11, 23, 12, 5, 0, TimeSpan.Zero);
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/");
        var pt = Page.Text(await Page.HtmlAsync(client, "/?culture=pt-BR"));

        Assert.Contains("class=\"banner banner-warn\" role=\"alert\"", html);
        Assert.Contains("The newest compliance run is 2 d 3 h old, older than the 26 h limit", Page.Text(html));
        Assert.Contains("mais que o limite de 26 h", pt);
    }
}

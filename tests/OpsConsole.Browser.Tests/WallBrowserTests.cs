using Microsoft.Playwright;

namespace OpsConsole.Browser.Tests;

/// <summary>
/// The NOC wall with JavaScript off: the page still carries its own refresh, shows a visible "as of" time,
/// hides the navigation, and passes the same structure, axe and chip-contrast checks as every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallBrowserTests(AppServer server)
{
    [Theory]
    [InlineData("/?wall=1")]
    [InlineData("/stop-conditions?wall=1&culture=pt-BR")]
    public async Task The_wall_refreshes_itself_without_javascript_and_passes_the_page_checks(string path)
    {
        var (page, problems) = await server.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

        var response = await page.GotoAsync(server.BaseUrl + path);

        Assert.Equal(200, response?.Status);
        Assert.Equal("60", await page.Locator("meta[http-equiv=refresh]").GetAttributeAsync("content"));
        Assert.True(await page.Locator(".wall-asof").IsVisibleAsync());
        Assert.False(await page.Locator(".sidenav").IsVisibleAsync());
        await page.Context.CloseAsync();

        // The checks run scripts of their own (axe), so they need a context with JavaScript. axe's meta-refresh
        // rule (WCAG 2.2.1) is the one accepted: the self refresh is what an operator opts into with ?wall=1 for
        // an unattended screen, and the bar's "leave the wall view" link turns it off (2.2.1's "turn off" option).
        var (checkedPage, checkProblems) = await server.NewPageAsync();
        await checkedPage.GotoAsync(server.BaseUrl + path);
        Assert.True(await checkedPage.Locator(".wall-bar a").IsVisibleAsync());
        await PageChecks.AssertCleanAsync(checkedPage, checkProblems, acceptedAxeRules: ["meta-refresh"]);
        await checkedPage.Context.CloseAsync();
        Assert.Empty(problems);
    }
}

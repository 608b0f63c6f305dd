using Deque.AxeCore.Playwright;

namespace OpsConsole.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ApprovalTimelineBrowserTests(AppServer server)
{
    [Fact]
    public async Task The_timeline_loads_cleanly_and_script_reveals_a_copy_button_for_each_cli_command()
    {
        var (page, problems) = await server.NewPageAsync();

        await page.GotoAsync(server.BaseUrl + "/approval-timeline/APR-2026-0110");
        var visibleButtons = await page.Locator("button[data-copy-target]:visible").CountAsync();
        var commands = await page.Locator("pre[id^=cmd-]").CountAsync();
        var approve = await page.Locator("#cmd-approve").InnerTextAsync();
        var axe = await page.RunAxe();

        Assert.Empty(problems);
        Assert.Equal(4, commands);
        Assert.Equal(commands, visibleButtons);
        Assert.Equal("opsconsole approval approve APR-2026-0110 --actor \"<your name>\" --reason \"<why>\"", approve);
        Assert.True(axe.Violations.Length == 0,
            string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
        await page.Context.CloseAsync();
    }
}

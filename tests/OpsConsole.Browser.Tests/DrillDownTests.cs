using Microsoft.Playwright;

namespace OpsConsole.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DrillDownTests(AppServer server)
{
    [Fact]
    public async Task From_the_device_list_an_operator_reaches_an_approval_timeline_and_downloads_the_exact_report_file()
    {
        var (page, problems) = await server.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/devices");

        await page.GetByRole(AriaRole.Link, new() { Name = "4WNET-MNS-KTG-RX", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/devices/4WNET-MNS-KTG-RX");
        var deviceTitle = await page.Locator("h1").InnerTextAsync();
        var approvalLink = page.Locator("main a[href^='/approval-timeline/']").First;
        var approvalId = await approvalLink.InnerTextAsync();
        await approvalLink.ClickAsync();
        await page.WaitForURLAsync("**/approval-timeline/" + approvalId);
        var timelineTitle = await page.Locator("h1").InnerTextAsync();
        var timelineEvents = await page.Locator(".approval-timeline li").CountAsync();

        await page.GoBackAsync();
        var downloadLink = page.Locator("main a[href^='/download?path=compliance']").First;
        var href = await downloadLink.GetAttributeAsync("href") ?? "";
        var relativePath = Uri.UnescapeDataString(href[(href.IndexOf('=') + 1)..]);
        var download = await page.RunAndWaitForDownloadAsync(() => downloadLink.ClickAsync());
        var downloaded = await File.ReadAllBytesAsync(await download.PathAsync());
        var original = await File.ReadAllBytesAsync(Path.Combine(server.Root, relativePath));

        Assert.Equal("4WNET-MNS-KTG-RX", deviceTitle);
        Assert.Matches("^APR-\\d{4}-\\d{4}$", approvalId);
        Assert.Contains(approvalId, timelineTitle, StringComparison.Ordinal);
        Assert.True(timelineEvents >= 1, "the approval timeline shows no event");
        Assert.StartsWith("compliance/", relativePath, StringComparison.Ordinal);
        Assert.EndsWith(Path.GetFileName(relativePath), download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(original, downloaded);
        Assert.Null(await download.FailureAsync());
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }
}

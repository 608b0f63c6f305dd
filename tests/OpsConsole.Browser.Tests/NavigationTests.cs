using Microsoft.Playwright;

namespace OpsConsole.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class NavigationTests(AppServer server)
{
    /// <summary>Every entry of the side navigation.</summary>
    public static TheoryData<string> Sections => new()
    {
        "/", "/shift", "/devices", "/service-engagement", "/approval-queue", "/batch-results", "/executions", "/compliance-reports",
        "/incidents", "/controlled-operation", "/handoff", "/artifacts", "/stop-conditions", "/metrics-board", "/audit",
    };

    /// <summary>One representative detail page of each feature, over the basic fixture tree.</summary>
    public static TheoryData<string> DetailPages => new()
    {
        "/devices/4WNET-MNS-KTG-RX",
        "/compliance-reports/CR-2026-11-21-4WNET-MNS-KTG-RX",
        "/compliance-reports/file?path=compliance%2F2026-11-21%2FOLT-KTG-07.json",
        "/incidents/INC-0042",
        "/batch-results/BATCH-0111",
        "/executions/week1-real-run.log",
        "/approval-timeline/APR-2026-0111",
        "/controlled-operation/cycle-002",
        "/controlled-operation/cycle-002/gates/week1-activation",
        "/controlled-operation/cycle-002/week1",
        "/handoff/noc-handoff",
        "/service-engagement/4WNET-MNS-KTG-RX",
        "/service-engagement/4WNET-MNS-KTG-RX/items/tenant",
        "/service-engagement/4WNET-MNS-KTG-RX/validation",
        "/metrics-board/decisions",
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task Each_section_loads_cleanly_with_one_h1_landmarks_labels_and_no_accessibility_violations(string path)
    {
        await AssertLoadsCleanlyAsync(path);
    }

    [Theory]
    [MemberData(nameof(DetailPages))]
    public async Task Each_detail_page_loads_cleanly_with_one_h1_landmarks_labels_and_no_accessibility_violations(string path)
    {
        await AssertLoadsCleanlyAsync(path);
    }

    [Fact]
    public async Task Switching_to_portuguese_and_back_changes_the_labels_and_is_remembered()
    {
        var (page, problems) = await server.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/artifacts");

        await page.GetByRole(AriaRole.Link, new() { Name = "PT-BR" }).ClickAsync();
        var portuguese = await page.Locator("h1").InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Incidentes" }).ClickAsync();
        var rememberedLang = await page.Locator("html").GetAttributeAsync("lang");
        await page.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();
        var english = await page.Locator("h1").InnerTextAsync();

        Assert.Equal("Artefatos", portuguese);
        Assert.Equal("pt-BR", rememberedLang);
        Assert.Equal("Incidents", english);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Switching_language_on_a_detail_page_keeps_the_page_and_translates_it_both_ways()
    {
        var (page, problems) = await server.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/devices/4WNET-MNS-KTG-RX");
        var englishHeading = await page.Locator("#identity").InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "PT-BR" }).ClickAsync();
        var portuguesePath = new Uri(page.Url).AbsolutePath;
        var portugueseHeading = await page.Locator("#identity").InnerTextAsync();
        var portugueseLang = await page.Locator("html").GetAttributeAsync("lang");
        var portugueseNav = await page.Locator("nav.sidenav a[href='/devices']").InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();
        var backPath = new Uri(page.Url).AbsolutePath;
        var backHeading = await page.Locator("#identity").InnerTextAsync();

        Assert.Equal("/devices/4WNET-MNS-KTG-RX", portuguesePath);
        Assert.Equal("pt-BR", portugueseLang);
        Assert.Equal("Identificação", portugueseHeading);
        Assert.Equal("Dispositivos", portugueseNav);
        Assert.Equal("/devices/4WNET-MNS-KTG-RX", backPath);
        Assert.Equal(englishHeading, backHeading);
        Assert.Equal("Identity", englishHeading);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    private async Task AssertLoadsCleanlyAsync(string path)
    {
        var (page, problems) = await server.NewPageAsync();

        var response = await page.GotoAsync(server.BaseUrl + path);

        Assert.Equal(200, response?.Status);
        await PageChecks.AssertCleanAsync(page, problems);
        await page.Context.CloseAsync();
    }
}

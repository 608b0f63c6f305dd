using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpsConsole.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class NavigationTests(AppServer server)
{
    public static TheoryData<string> Sections => new()
    {
        "/", "/devices", "/service-engagement", "/approval-queue", "/batch-results", "/compliance-reports",
        "/incidents", "/controlled-operation", "/handoff", "/artifacts",
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task Each_section_loads_cleanly_with_one_h1_and_no_accessibility_violations(string path)
    {
        var (page, problems) = await server.NewPageAsync();

        await page.GotoAsync(server.BaseUrl + path);
        var h1Count = await page.Locator("h1").CountAsync();
        var axe = await page.RunAxe();

        Assert.Empty(problems);
        Assert.Equal(1, h1Count);
        Assert.True(await page.Locator("main").CountAsync() == 1 && await page.Locator("nav").CountAsync() >= 1, "landmarks missing");
        Assert.True(axe.Violations.Length == 0,
            string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
        await page.Context.CloseAsync();
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
    public async Task Status_chips_have_sufficient_contrast()
    {
        var (page, _) = await server.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/artifacts");

        var axe = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "rule", Values = ["color-contrast"] },
        });
        var chips = await page.Locator(".chip").CountAsync();

        Assert.True(chips >= 2, "expected status chips on the artifacts page");
        Assert.Empty(axe.Violations);
        await page.Context.CloseAsync();
    }
}

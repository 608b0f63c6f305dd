using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpsConsole.Browser.Tests;

/// <summary>
/// The console's one write, in a real browser. Each test writes a different item of the fixture
/// package and asserts only its own answer, so the order of the tests does not matter.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EngagementBrowserTests(AppServer server)
{
    private const string DeviceUrl = "/service-engagement/4WNET-MNS-KTG-RX";

    [Fact]
    public async Task The_editor_opens_as_a_modal_on_the_first_field_and_saving_shows_the_answer_in_the_item_list()
    {
        var (page, problems) = await server.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + DeviceUrl);
        var dialog = page.Locator("dialog#item-editor");

        await page.Locator("button[data-open-editor='tenant']").ClickAsync();
        var isModal = await dialog.EvaluateAsync<bool>("d => d.open && d.matches(':modal')");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.id");
        var visibleForms = await dialog.Locator("form:visible").CountAsync();
        await page.Locator("#f-tenant-value").SelectOptionAsync("acme");
        await page.Locator("#f-tenant-evidence").FillAsync("contract ACME-2026-17");
        await page.Locator("#f-tenant-by").FillAsync("Ana Souza");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await page.WaitForURLAsync(HistoryAnchor());

        var flash = await page.Locator(".banner-ok").InnerTextAsync();
        var answer = await page.Locator("#item-tenant .answer").InnerTextAsync();
        var answeredBy = await page.Locator("#item-tenant").InnerTextAsync();
        var dialogOpenAfterSave = await dialog.EvaluateAsync<bool>("d => d.open");

        Assert.True(isModal, "the editor is not an open modal dialog");
        Assert.Equal("f-tenant-value", focused);
        Assert.Equal(1, visibleForms);
        Assert.Equal(server.BaseUrl + DeviceUrl + "#history", page.Url);
        Assert.Equal("Answer for item tenant saved.", flash.Trim());
        Assert.Equal("acme", answer);
        Assert.Contains("by Ana Souza", answeredBy, StringComparison.Ordinal);
        Assert.False(dialogOpenAfterSave);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Escape_closes_the_editor_and_returns_focus_to_the_button_that_opened_it()
    {
        var (page, problems) = await server.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + DeviceUrl);
        var opener = page.Locator("button[data-open-editor='criticality']");
        var dialog = page.Locator("dialog#item-editor");

        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var openedByKeyboard = await dialog.EvaluateAsync<bool>("d => d.open && d.matches(':modal')");
        var focusedInside = await page.EvaluateAsync<string>("() => document.activeElement.id");
        await page.Keyboard.PressAsync("Escape");
        var openAfterEscape = await dialog.EvaluateAsync<bool>("d => d.open");
        var focusReturned = await opener.EvaluateAsync<bool>("b => b === document.activeElement");

        Assert.True(openedByKeyboard, "Enter on the opener did not open the modal editor");
        Assert.Equal("f-criticality-value", focusedInside);
        Assert.False(openAfterEscape);
        Assert.True(focusReturned, "focus did not return to the opener");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_dashboard_reads_and_an_item_form_page_saves_an_answer()
    {
        var (page, problems) = await server.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

        await page.GotoAsync(server.BaseUrl + "/");
        var dashboardTitle = await page.Locator("h1").InnerTextAsync();
        var cards = await page.Locator(".card:visible").CountAsync();
        await page.GotoAsync(server.BaseUrl + DeviceUrl + "/items/tenant");
        var tenantTitle = await page.Locator("h1").InnerTextAsync();
        var tenantOptions = await page.GetByLabel("Value *").Locator("option").AllInnerTextsAsync();
        var nameField = await page.GetByLabel("Your name *").IsVisibleAsync();
        var saveButton = await page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).IsVisibleAsync();

        await page.GotoAsync(server.BaseUrl + DeviceUrl);
        var openButtonsVisible = await page.Locator("button[data-open-editor]:visible").CountAsync();
        await page.Locator("#item-criticality").GetByRole(AriaRole.Link, new() { Name = "Answer" }).ClickAsync();
        await page.WaitForURLAsync("**" + DeviceUrl + "/items/criticality");
        await page.GetByLabel("Value *").SelectOptionAsync("high");
        await page.GetByLabel("Your name *").FillAsync("Bruno Lima");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await page.WaitForURLAsync(HistoryAnchor());
        var flash = await page.Locator(".banner-ok").InnerTextAsync();
        var answer = await page.Locator("#item-criticality .answer").InnerTextAsync();

        Assert.Equal("Dashboard", dashboardTitle);
        Assert.True(cards >= 4, $"only {cards} dashboard cards visible");
        Assert.Equal("Answer item tenant of 4WNET-MNS-KTG-RX", tenantTitle);
        Assert.Equal(["acme", "globex"], tenantOptions.Skip(1).Take(2));
        Assert.True(nameField && saveButton, "the item form is not usable without JavaScript");
        Assert.Equal(0, openButtonsVisible);
        Assert.Equal("Answer for item criticality saved.", flash.Trim());
        Assert.Equal("high", answer);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/service-engagement/4WNET-MNS-KTG-RX#history$")]
    private static partial Regex HistoryAnchor();
}

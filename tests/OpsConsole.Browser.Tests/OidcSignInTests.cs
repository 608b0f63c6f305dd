using Microsoft.Playwright;

namespace OpsConsole.Browser.Tests;

/// <summary>A real OpenID Connect sign-in and sign-out, in Chromium, against the tests' own provider.</summary>
public sealed class OidcSignInTests(OidcConsoleServer server) : IClassFixture<OidcConsoleServer>
{
    private const string DeviceUrl = "/service-engagement/4WNET-MNS-KTG-RX";

    [Fact]
    public async Task A_lead_signs_in_at_the_provider_answers_as_themselves_and_signs_out_of_both()
    {
        var (page, problems) = await server.NewPageAsync();

        await page.GotoAsync(server.BaseUrl + DeviceUrl + "/items/tenant");
        var sentToProvider = page.Url;
        await OidcConsoleServer.SignInAtProviderAsync(page, "ana.lider");
        await page.WaitForURLAsync(server.BaseUrl + DeviceUrl + "/items/tenant");
        var header = await page.Locator("[data-signed-in]").InnerTextAsync();
        var asksForName = await page.Locator("input[name='responded_by']").CountAsync();
        await page.Locator("#f-tenant-value").SelectOptionAsync("acme");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + DeviceUrl + "#history");
        var answeredBy = await page.Locator("#item-tenant").InnerTextAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/account/signed-out");
        var signedOut = await page.Locator("h1").InnerTextAsync();
        var headerAfter = await page.Locator("[data-signed-in]").CountAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        var askedToSignInAgain = page.Url;

        Assert.StartsWith(server.Provider.Issuer, sentToProvider);
        Assert.Contains("code_challenge_method=S256", Uri.UnescapeDataString(sentToProvider));
        Assert.Contains("Signed in as ana.lider", header);
        Assert.Contains("Team lead of Transport", header);
        Assert.Equal(0, asksForName);
        Assert.Contains("by ana.lider", answeredBy);
        Assert.Contains("ana.lider", await File.ReadAllTextAsync(Path.Combine(server.Root, "engagement", "4WNET-MNS-KTG-RX", "responses.csv")));
        Assert.Equal("You are signed out", signedOut.Trim());
        Assert.Equal(0, headerAfter);
        Assert.StartsWith(server.Provider.Issuer + "login", askedToSignInAgain);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_whose_token_has_no_groups_sees_the_no_access_page_in_portuguese()
    {
        var (page, problems) = await server.NewPageAsync();

        await page.GotoAsync(server.BaseUrl + "/?culture=pt-BR");
        await OidcConsoleServer.SignInAtProviderAsync(page, "sem.grupos");
        await page.WaitForURLAsync(server.BaseUrl + "/?culture=pt-BR");
        var title = await page.Locator("h1").InnerTextAsync();
        var body = await page.Locator("main").InnerTextAsync();

        Assert.Equal("Sem acesso", title.Trim());
        Assert.Contains("Você está conectado como sem.grupos", body);
        Assert.Contains("Sair", await page.Locator("[data-signed-in]").InnerTextAsync());
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }
}

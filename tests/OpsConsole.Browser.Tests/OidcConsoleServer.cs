using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace OpsConsole.Browser.Tests;

/// <summary>
/// The console in Oidc mode on Kestrel, signing in at a <see cref="TestIdentityProvider"/> that the
/// fixture starts itself on another loopback port. The provider speaks plain HTTP, so the console runs
/// with <c>RequireHttpsMetadata=false</c>, which its start-up check accepts only for a loopback authority.
/// </summary>
public sealed class OidcConsoleServer : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "opsconsole-browser-oidc", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public TestIdentityProvider Provider { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string Root => Path.Combine(_work, "root");
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        CopyTree(Path.Combine(AppServer.RepoRoot(), "tests", "OpsConsole.Web.Tests", "Fixtures", "basic"), Root);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("OpsConsole:ArtifactRoot", Root);
            b.UseSetting("OpsConsole:DatabasePath", Path.Combine(_work, "index.db"));
            b.UseSetting("OpsConsole:LogDirectory", Path.Combine(_work, "logs"));
            b.UseSetting("OpsConsole:Identity:Mode", "Oidc");
            b.UseSetting("OpsConsole:Identity:Oidc:Authority", Provider.Issuer);
            b.UseSetting("OpsConsole:Identity:Oidc:ClientId", TestIdentityProvider.ClientId);
            b.UseSetting("OpsConsole:Identity:Oidc:ClientSecret", TestIdentityProvider.ClientSecret);
            b.UseSetting("OpsConsole:Identity:Oidc:RequireHttpsMetadata", "false");
            b.UseSetting("OpsConsole:Identity:Roles:operator:0", "noc");
            b.UseSetting("OpsConsole:Identity:TeamLeads:Transport:0", "lideres-transporte");
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Provider.ConsoleBaseUrl = BaseUrl;

        using var http = new HttpClient();
        // Up to two minutes: the suite runs its projects in parallel on 2 cores, and this host starts beside
        // an identity provider. A console that never became ready fails here, not as a page timeout later.
        var ready = false;
        for (var i = 0; i < 2400 && !(ready = (await http.GetAsync(BaseUrl + "/health/ready")).IsSuccessStatusCode); i++)
        {
            await Task.Delay(50);
        }

        if (!ready)
        {
            throw new InvalidOperationException("the console behind the test identity provider did not become ready within 120 s");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
            ],
        });
    }

    /// <summary>A new page in its own context that records console errors (CSP violations included) on the console's pages.</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        // A first request to a cold page on a loaded 2-core CI machine took over Playwright's 30 s default once.
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, msg) =>
        {
            // A 401/403 page is the expected answer in some tests (their status is asserted there).
            if (msg.Type == "error" && page.Url.StartsWith(BaseUrl, StringComparison.Ordinal) && !msg.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add($"console error on {page.Url}: {msg.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        return (page, problems);
    }

    /// <summary>Signs in at the provider as <paramref name="user"/> after the console sent the browser there.</summary>
    public static async Task SignInAtProviderAsync(IPage page, string user)
    {
        await page.WaitForSelectorAsync("select#user");
        await page.Locator("select#user").SelectOptionAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in at the provider" }).ClickAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}

using System.Diagnostics.CodeAnalysis;
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
/// The real app on Kestrel (a free loopback port) over a temp copy of the functional tests'
/// fixture tree, plus Debian's chromium driven by Playwright.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "opsconsole-browser", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public string Root => Path.Combine(_work, "root");
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        CopyTree(Path.Combine(RepoRoot(), "tests", "OpsConsole.Web.Tests", "Fixtures", "basic"), Root);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("OpsConsole:ArtifactRoot", Root);
            b.UseSetting("OpsConsole:DatabasePath", Path.Combine(_work, "index.db"));
            b.UseSetting("OpsConsole:AuditPath", Path.Combine(_work, "audit", "opsconsole-audit.db"));
            b.UseSetting("OpsConsole:LogDirectory", Path.Combine(_work, "logs"));
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().TrimEnd('/');

        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            if ((await http.GetAsync(BaseUrl + "/health/ready")).IsSuccessStatusCode)
            {
                break;
            }

            await Task.Delay(50);
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

    /// <summary>
    /// A new page (in its own context, 1366×900 unless <paramref name="options"/> says otherwise) that records
    /// console errors and warnings, CSP violations, page errors, failed requests and HTTP errors.
    /// </summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.ViewportSize ??= new ViewportSize { Width = 1366, Height = 900 };
        var context = await Browser.NewContextAsync(options);
        // Chromium logs CSP violations as console errors; the event makes them explicit (init scripts bypass the CSP).
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, msg) =>
        {
            if (msg.Type is "error" or "warning")
            {
                problems.Add($"console {msg.Type}: {msg.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) =>
        {
            // Chromium aborts the navigation that turns into a file download; tests check the download itself.
            if (!(request.Failure == "net::ERR_ABORTED" && request.Url.Contains("/download?", StringComparison.Ordinal)))
            {
                problems.Add($"request failed: {request.Url} {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.Contains("/download?", StringComparison.Ordinal))
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        return (page, problems);
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

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, true);
        }
        catch (IOException)
        {
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}

[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "An xunit collection definition: the suffix is xunit's convention.")]
public sealed class BrowserCollection : ICollectionFixture<AppServer>
{
    public const string Name = "browser";
}

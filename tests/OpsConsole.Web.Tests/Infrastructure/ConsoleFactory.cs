using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Core.Index;
using OpsConsole.Web.Infrastructure;

namespace OpsConsole.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a private temp copy of a fixture tree (Fixtures/&lt;name&gt;), with its own
/// SQLite index and log folder. Tests may add or break files in <see cref="Root"/> before the
/// first request (or call <see cref="ReindexAsync"/> after).
/// </summary>
public class ConsoleFactory : WebApplicationFactory<OpsConsole.Web.SharedResource>
{
    private readonly string _work;

    public ConsoleFactory() : this("basic")
    {
    }

    protected ConsoleFactory(string fixture, Action<string>? prepare = null)
    {
        TestHostFileWatching.UsePolling();
        _work = Path.Combine(Path.GetTempPath(), "opsconsole-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(_work, "root");
        CopyTree(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture), Root);
        prepare?.Invoke(Root);
    }

    /// <summary>The artifact root this app serves (a temp copy).</summary>
    public string Root { get; }

    /// <summary>The folder of the server's compact-JSON log files.</summary>
    public string LogDirectory => Path.Combine(_work, "logs");

    /// <summary>The index database file.</summary>
    public string DatabasePath => Path.Combine(_work, "index.db");

    /// <summary>The audit store file (outside the index's folder, as in production).</summary>
    public string AuditPath => Path.Combine(_work, "audit", "opsconsole-audit.db");

    /// <summary>Hold the first index build until <see cref="IndexStartSignal.Release"/> (readiness tests).</summary>
    public IndexStartSignal StartSignal { get; init; } = IndexStartSignal.Released();

    /// <summary>Remote address every request appears to come from (default loopback).</summary>
    public System.Net.IPAddress? RemoteAddress { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("OpsConsole:ArtifactRoot", Root);
        builder.UseSetting("OpsConsole:DatabasePath", DatabasePath);
        builder.UseSetting("OpsConsole:AuditPath", AuditPath);
        builder.UseSetting("OpsConsole:LogDirectory", LogDirectory);
        builder.UseSetting("OpsConsole:RescanSeconds", "3600");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IndexStartSignal>();
            services.AddSingleton(StartSignal);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemoteAddressStartupFilter(() => RemoteAddress));
        });
    }

    /// <summary>Creates a client and waits until the first index build is done.</summary>
    public async Task<HttpClient> CreateReadyClientAsync(string? culture = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (culture is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        }

        await WaitReadyAsync();
        return client;
    }

    /// <summary>Waits (bounded) for the index to be ready.</summary>
    public async Task WaitReadyAsync()
    {
        var state = Services.GetRequiredService<IndexState>();
        for (var i = 0; i < 600 && !state.Ready; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(state.Ready, "index did not become ready within 30 s");
    }

    /// <summary>Runs a full index pass now (after a test changed files).</summary>
    public Task ReindexAsync() => Services.GetRequiredService<ArtifactIndexer>().FullPassAsync();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, recursive: true);
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

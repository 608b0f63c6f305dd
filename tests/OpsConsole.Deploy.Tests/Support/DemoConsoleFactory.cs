using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Index;

namespace OpsConsole.Deploy.Tests.Support;

/// <summary>
/// The real app over a private copy of the demo tree (reports/), its own index, with extra settings.
/// Requests appear to come from <see cref="RemoteAddress"/> (loopback unless set).
/// </summary>
internal sealed class DemoConsoleFactory : WebApplicationFactory<OpsConsole.Web.SharedResource>
{
    private readonly string _work = RepoPaths.NewWorkFolder("console");
    private readonly IReadOnlyDictionary<string, string> _settings;

    public DemoConsoleFactory(IReadOnlyDictionary<string, string>? settings = null)
    {
        OpsConsole.Web.Tests.Infrastructure.TestHostFileWatching.UsePolling();
        _settings = settings ?? new Dictionary<string, string>();
        Root = RepoPaths.CopyDemoTree(_work);
    }

    public string Root { get; }

    public string DataFolder => Path.Combine(_work, "data");

    public IPAddress? RemoteAddress { get; set; }

    /// <summary>False to keep the tree after the host stopped (the caller reads it, then calls <see cref="DeleteFiles"/>).</summary>
    public bool DeleteFilesOnDispose { get; init; } = true;

    public void DeleteFiles() => RepoPaths.DeleteQuietly(_work);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("OpsConsole:ArtifactRoot", Root);
        builder.UseSetting("OpsConsole:DatabasePath", Path.Combine(DataFolder, "index.db"));
        builder.UseSetting("OpsConsole:LogDirectory", Path.Combine(_work, "logs"));
        builder.UseSetting("OpsConsole:RescanSeconds", "3600");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(() => RemoteAddress)));
    }

    /// <summary>A client once the first index build is done.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var state = Services.GetRequiredService<IndexState>();
        for (var i = 0; i < 1200 && !state.Ready; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(state.Ready, "the index did not become ready within 60 s");
        return client;
    }

    public static async Task<IReadOnlyList<Sample>> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (DeleteFilesOnDispose)
        {
            DeleteFiles();
        }
    }

    /// <summary>The test server has no socket: this gives each request its remote address.</summary>
    private sealed class RemoteAddressFilter(Func<IPAddress?> address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address() ?? IPAddress.Loopback;
                await nextMiddleware();
            });
            next(app);
        };
    }
}

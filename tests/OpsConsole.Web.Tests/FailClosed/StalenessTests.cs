using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Tests.Handoff;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.FailClosed;

/// <summary>The web's cached views follow the catalogue in the database, whoever changed it.</summary>
public sealed class CliIndexedChangeTests(MetricsFactory factory) : IClassFixture<MetricsFactory>
{
    private const string NewIncident = """
        { "schema": "opsconsole/incident@1", "incident_id": "INC-CLI-7", "title": "indexed by the CLI", "severity": "critical",
          "status": "open", "opened_at": "2026-11-22T08:00:00Z" }
        """;

    [Fact]
    public async Task A_change_the_CLI_indexed_into_the_shared_database_is_seen_on_the_next_request()
    {
        var client = await factory.CreateReadyClientAsync();
        var stopsBefore = await client.GetStringAsync("/stop-conditions?culture=en");
        var dashboardBefore = await client.GetStringAsync("/?culture=en");
        Assert.Contains("id=\"stop-4\" data-state=\"clear\"", stopsBefore);
        Assert.DoesNotContain("INC-CLI-7", dashboardBefore);

        // The CLI on another host (an NFS mount: this process's file watcher sees nothing) indexes a new
        // open critical incident into the database the web console shares.
        var elsewhere = Path.Combine(Path.GetDirectoryName(factory.Root)!, "cli-view");
        Directory.CreateDirectory(Path.Combine(elsewhere, "incidents"));
        File.WriteAllText(Path.Combine(elsewhere, "incidents", "INC-CLI-7.json"), NewIncident);
        using (var store = new ArtifactStore(elsewhere))
        {
            var options = IndexDbContext.OptionsFor(factory.DatabasePath);
            await new ArtifactIndexer(store, () => new IndexDbContext(options), new IndexState()).RefreshAsync(["incidents/INC-CLI-7.json"]);
        }

        var stopsAfter = await client.GetStringAsync("/stop-conditions?culture=en");
        var dashboardAfter = await client.GetStringAsync("/?culture=en");
        Assert.Contains("id=\"stop-4\" data-state=\"triggered\"", stopsAfter);
        Assert.Contains("INC-CLI-7", stopsAfter);
        Assert.Contains("INC-CLI-7", dashboardAfter);
        Assert.Contains("data-stop=\"triggered\"", dashboardAfter);
    }
}

/// <summary>
/// A restart over a catalogue the last run completed, with the start-up pass held in its walk of the root
/// (a gate in the tree walker), so the "as of the last completed pass" state is observed deterministically.
/// </summary>
public sealed class RestartFactory : ConsoleFactory
{
    public RestartFactory() : base("metrics")
    {
    }

    public GatedWalker Walker { get; } = new();

    /// <summary>Indexes the root once, as the previous run did, so the database holds a completed catalogue.</summary>
    public async Task PreviousRunAsync()
    {
        using var store = new ArtifactStore(Root);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var options = IndexDbContext.OptionsFor(DatabasePath);
        var indexer = new ArtifactIndexer(store, () => new IndexDbContext(options), new IndexState());
        indexer.EnsureDatabase();
        await indexer.FullPassAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ArtifactTreeWalker>(Walker));
    }

    /// <summary>Blocks the first walk of the root until <see cref="Release"/>.</summary>
    [SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Lives as long as its test host; a ManualResetEventSlim that is only Set and Waited holds no kernel handle.")]
    public sealed class GatedWalker : ArtifactTreeWalker
    {
        private readonly ManualResetEventSlim _open = new(false);

        public void Release() => _open.Set();

        protected override IEnumerable<FolderEntry> List(string fullPath)
        {
            _open.Wait(TimeSpan.FromSeconds(60));
            return base.List(fullPath);
        }
    }
}

public sealed class StartupPassBannerTests
{
    [Fact]
    public async Task Until_the_start_up_pass_has_rechecked_every_file_the_banner_says_the_result_is_from_the_last_completed_pass()
    {
        using var factory = new RestartFactory();
        await factory.PreviousRunAsync();
        var client = await factory.CreateReadyClientAsync();

        var during = await client.GetStringAsync("/stop-conditions?culture=en");
        var duringPt = await client.GetStringAsync("/devices?culture=pt-BR");

        Assert.Contains("data-stop-as-of=\"last-completed-pass\"", during);
        Assert.Contains("Stop conditions are shown as of the last completed pass, finished at <time", during);
        Assert.Contains("do not take this result as current.", during);
        Assert.Contains("conforme a última varredura concluída, terminada em <time", duringPt);

        factory.Walker.Release();
        var state = factory.Services.GetRequiredService<IndexState>();
        for (var i = 0; i < 600 && state.ServingLastCompletedPass; i++)
        {
            await Task.Delay(50);
        }

        var after = await client.GetStringAsync("/stop-conditions?culture=en");
        Assert.DoesNotContain("data-stop-as-of", after);
    }
}

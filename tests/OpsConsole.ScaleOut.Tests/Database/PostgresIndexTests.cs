using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Database;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.ScaleOut.Tests.Support;

namespace OpsConsole.ScaleOut.Tests.Database;

/// <summary>The index on PostgreSQL holds what the same pass writes on SQLite, and its schema is created safely by concurrent starts.</summary>
public sealed class PostgresIndexTests : DatabaseAndWorkFolder
{
    public PostgresIndexTests()
        : base("index")
    {
    }

    [Fact]
    public async Task A_full_pass_of_the_demo_tree_catalogues_the_same_rows_findings_and_devices_on_PostgreSQL_as_on_SQLite()
    {
        var root = Paths.CopyDemoTree(Work);
        var sqlite = IndexDatabase.Sqlite(Path.Combine(Work, "index.db"));
        var postgres = IndexDatabase.Postgres(Database.ConnectionString);

        var onSqlite = await IndexAsync(root, sqlite);
        var onPostgres = await IndexAsync(root, postgres);

        Assert.Equal(onSqlite.Result.Seen, onPostgres.Result.Seen);
        Assert.True(onPostgres.Result.Added > 100, $"only {onPostgres.Result.Added} files indexed");
        Assert.Equal(onSqlite.Rows, onPostgres.Rows);
        Assert.Equal(onSqlite.Findings, onPostgres.Findings);
        Assert.Equal(onSqlite.Devices, onPostgres.Devices);
        Assert.Equal(onSqlite.Mismatched, onPostgres.Mismatched);
    }

    [Fact]
    public async Task A_second_pass_after_a_change_updates_the_row_bumps_the_stored_version_and_marks_the_catalogue_complete()
    {
        var root = Paths.CopyDemoTree(Work);
        var postgres = IndexDatabase.Postgres(Database.ConnectionString);
        var state = new IndexState();
        using var store = new ArtifactStore(root, 5 * 1024 * 1024);
        var indexer = new ArtifactIndexer(store, postgres.CreateDbContext, state);
        indexer.EnsureDatabase();
        Assert.False(indexer.PublishCompleteIndex());
        await indexer.FullPassAsync();
        var before = state.Version;

        var incident = Directory.EnumerateFiles(Path.Combine(root, "incidents"), "*.json").First();
        await File.AppendAllTextAsync(incident, "\n");
        var second = await indexer.FullPassAsync();

        Assert.Equal(1, second.Updated);
        Assert.True(await Support.TwoInstances.EventuallyAsync(() => Task.FromResult(state.Version > before), TimeSpan.FromSeconds(5)), "the stored version did not move");
        Assert.True(indexer.PublishCompleteIndex());
    }

    [Fact]
    public async Task Four_instances_migrating_an_empty_database_at_once_all_start_and_apply_each_migration_once()
    {
        var root = Paths.CopyDemoTree(Work);
        using var store = new ArtifactStore(root, 5 * 1024 * 1024);
        var starts = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var indexer = new ArtifactIndexer(store, IndexDatabase.Postgres(Database.ConnectionString).CreateDbContext, new IndexState());
            indexer.EnsureDatabase();
            new Core.Audit.PostgresAuditStore(Database.ConnectionString).EnsureCreated();
        }));

        await Task.WhenAll(starts);

        var applied = await Database.ScalarAsync<long>("""SELECT count(*) FROM "__EFMigrationsHistory" """);
        var expected = PostgresIndexDbContextFactoryForTests.Migrations();
        Assert.Equal(expected, applied);
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM index_version"));
    }

    private static async Task<Indexed> IndexAsync(string root, IndexDatabase database)
    {
        using var store = new ArtifactStore(root, 5 * 1024 * 1024);
        var indexer = new ArtifactIndexer(store, database.CreateDbContext, new IndexState());
        indexer.EnsureDatabase();
        var result = await indexer.FullPassAsync();
        using var db = database.CreateDbContext();
        var rows = db.Artifacts.AsNoTracking().OrderBy(a => a.Path).AsEnumerable()
            .Select(a => string.Join('|', a.Path, a.Kind, a.Schema, a.Size, a.Sha256, a.Readable, a.Problem, a.Key, a.Device, a.DeviceId, a.AtTicks, a.Day,
                a.Status, a.Category, a.GroupKey, a.Title, a.Count, a.Actor, a.Refused)).ToList();
        var findings = db.Findings.AsNoTracking().AsEnumerable().Select(f => $"{f.Path}|{f.Condition}|{f.Detail}|{f.Device}|{f.GroupKey}").Order(StringComparer.Ordinal).ToList();
        var devices = db.Devices.AsNoTracking().AsEnumerable().Select(d => $"{d.NetboxId}|{d.Name}|{d.Site}|{d.Role}|{d.Platform}|{d.Tenant}").Order(StringComparer.Ordinal).ToList();
        var mismatched = new Core.StopConditions.StopConditionEvaluator(database.CreateDbContext, new IndexState(), store).Evaluate()
            .Conditions.Select(c => $"{c.TitleKey}:{c.State}").ToList();
        return new Indexed(result, rows, findings, devices, mismatched);
    }

    private sealed record Indexed(IndexPassResult Result, List<string> Rows, List<string> Findings, List<string> Devices, List<string> Mismatched);

    /// <summary>How many migrations the PostgreSQL sets hold (index and audit share the history table).</summary>
    private static class PostgresIndexDbContextFactoryForTests
    {
        public static long Migrations()
        {
            using var index = new PostgresIndexDbContext(PostgresIndexDbContext.PostgresOptionsFor("Host=localhost"));
            using var audit = new PostgresAuditDbContext(PostgresAuditDbContext.PostgresOptionsFor("Host=localhost"));
            return index.Database.GetMigrations().Count() + audit.Database.GetMigrations().Count();
        }
    }
}

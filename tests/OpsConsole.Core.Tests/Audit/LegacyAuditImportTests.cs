using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Audit;

/// <summary>An index database written by an older version holds audit rows: the upgrade moves them, once.</summary>
public sealed class LegacyAuditImportTests : IDisposable
{
    private const string OldIndexSchema = "20261123001348_InitialIndex";
    private readonly TempRoot _temp = new();

    private string IndexPath => Path.Join(_temp.Base, "data", "opsconsole.db");

    private SqliteAuditStore Store { get; }

    public LegacyAuditImportTests()
    {
        Store = new SqliteAuditStore(Path.Join(_temp.Base, "audit", "opsconsole-audit.db"));
        Store.EnsureCreated();
    }

    [Fact]
    public void Events_an_older_version_kept_in_the_index_are_copied_into_the_chain_and_the_table_leaves_the_index()
    {
        CreateOldIndexWithEvents(("download", "web", "devices.json", "ok"), ("approval.approve", "carla", "APR-7", "refused"), ("startup", "opsconsole", null, "ok"));
        UpgradeIndex();

        var moved = LegacyAuditImport.Run(IndexPath, Store);

        Assert.Equal(3, moved);
        var events = Store.ReadChain().ToList();
        Assert.Equal(["download", "approval.approve", "startup", LegacyAuditImport.ImportType], events.Select(e => e.Type));
        Assert.Equal(("carla", "APR-7", "refused"), (events[1].Actor, events[1].Target, events[1].Outcome));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero).UtcTicks, events[1].AtTicks);
        Assert.True(Store.Verify().Intact);
        Assert.False(IndexHasAuditTable());
    }

    [Fact]
    public void A_second_start_copies_nothing_again()
    {
        CreateOldIndexWithEvents(("download", "web", "devices.json", "ok"));
        UpgradeIndex();
        LegacyAuditImport.Run(IndexPath, Store);

        var movedAgain = LegacyAuditImport.Run(IndexPath, Store);

        Assert.Equal(0, movedAgain);
        Assert.Equal(2, Store.ReadChain().Count());
    }

    [Fact]
    public void A_copy_interrupted_before_the_table_was_dropped_is_not_copied_twice()
    {
        CreateOldIndexWithEvents(("download", "web", "devices.json", "ok"), ("download", "web", "other.csv", "refused"));
        UpgradeIndex();
        var snapshot = Path.Join(_temp.Base, "index-before.db");
        SqliteConnection.ClearAllPools();
        File.Copy(IndexPath, snapshot);
        LegacyAuditImport.Run(IndexPath, Store);

        // As if the process died after the audit store committed but before the index dropped its table.
        SqliteConnection.ClearAllPools();
        File.Copy(snapshot, IndexPath, overwrite: true);
        LegacyAuditImport.Run(IndexPath, Store);

        Assert.Equal(3, Store.ReadChain().Count());
        Assert.False(IndexHasAuditTable());
        Assert.True(Store.Verify().Intact);
    }

    [Fact]
    public void A_new_index_loses_its_empty_legacy_table_and_the_store_stays_empty()
    {
        UpgradeIndex();

        Assert.Equal(0, LegacyAuditImport.Run(IndexPath, Store));
        Assert.Empty(Store.ReadChain());
        Assert.False(IndexHasAuditTable());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private void CreateOldIndexWithEvents(params (string Type, string Actor, string? Target, string Outcome)[] events)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(IndexPath)!);
        using var db = new IndexDbContext(IndexDbContext.OptionsFor(IndexPath));
        db.GetService<IMigrator>().Migrate(OldIndexSchema);
        var day = 1;
        foreach (var e in events)
        {
            var at = new DateTimeOffset(2026, 11, day++, 8, 0, 0, TimeSpan.Zero).UtcTicks;
            db.Database.ExecuteSql($"INSERT INTO audit_events (AtTicks, Type, Actor, Target, Source, Outcome, Detail) VALUES ({at}, {e.Type}, {e.Actor}, {e.Target}, 'cli host1', {e.Outcome}, NULL)");
        }
    }

    private void UpgradeIndex()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(IndexPath)!);
        using var db = new IndexDbContext(IndexDbContext.OptionsFor(IndexPath));
        db.Database.Migrate();
    }

    private bool IndexHasAuditTable()
    {
        using var connection = new SqliteConnection($"Data Source={IndexPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'audit_events';";
        return (long)command.ExecuteScalar()! > 0;
    }
}

using Npgsql;
using OpsConsole.Core.Audit;
using OpsConsole.ScaleOut.Tests.Support;

namespace OpsConsole.ScaleOut.Tests.Database;

/// <summary>The audit trail in PostgreSQL: one chain for every writer, append-only, tamper-evident.</summary>
public sealed class PostgresAuditStoreTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Two_stores_appending_fifty_events_each_at_once_form_one_intact_chain_of_a_hundred()
    {
        var first = new PostgresAuditStore(_database.ConnectionString);
        var second = new PostgresAuditStore(_database.ConnectionString);
        first.EnsureCreated();

        await Task.WhenAll(
            Task.Run(() => Parallel.For(0, 50, i => new AuditLog(first).Record("test.append", "instance-a", $"target {i}", "web", "ok"))),
            Task.Run(() => Parallel.For(0, 50, i => new AuditLog(second).Record("test.append", "instance-b", $"target {i}", "web", "ok"))));

        var verification = first.Verify();
        Assert.True(verification.Intact, verification.Describe());
        Assert.Equal(100, verification.Events);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), first.ReadChain().Select(e => e.Id));
        Assert.Equal(100, second.Find(new AuditQuery("test.append", null, null, null, 0, 10)).Total);
    }

    [Fact]
    public async Task Update_delete_and_truncate_are_refused_by_the_database()
    {
        var store = new PostgresAuditStore(_database.ConnectionString);
        store.EnsureCreated();
        new AuditLog(store).Record("test.append", "ana", "x", "web", "ok");

        foreach (var sql in new[] { "UPDATE audit_events SET \"Actor\" = 'mallory'", "DELETE FROM audit_events", "TRUNCATE audit_events" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(sql));
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        Assert.True(store.Verify().Intact);
    }

    [Fact]
    public async Task A_row_changed_behind_the_triggers_back_is_found_by_verify()
    {
        var store = new PostgresAuditStore(_database.ConnectionString);
        store.EnsureCreated();
        var log = new AuditLog(store);
        log.Record("test.append", "ana", "first", "web", "ok");
        log.Record("test.append", "ana", "second", "web", "ok");

        // A superuser can switch the triggers off; the hash chain still tells.
        await _database.ExecuteAsync("""
            ALTER TABLE audit_events DISABLE TRIGGER USER;
            UPDATE audit_events SET "Target" = 'forged' WHERE "Id" = 1;
            ALTER TABLE audit_events ENABLE TRIGGER USER;
            """);

        var verification = store.Verify();
        Assert.False(verification.Intact);
        Assert.Equal((1L, AuditChainProblem.ContentChanged), (verification.BrokenAt!.Value, verification.Problem));
    }

    [Fact]
    public void A_backup_copy_of_the_PostgreSQL_trail_is_a_SQLite_file_that_verifies_on_its_own()
    {
        var store = new PostgresAuditStore(_database.ConnectionString);
        store.EnsureCreated();
        var log = new AuditLog(store);
        for (var i = 0; i < 5; i++)
        {
            log.Record("test.append", "ana", $"t{i}", "web", "ok");
        }

        var file = Path.Combine(Paths.NewWorkFolder("audit-export"), "audit.db");
        store.ExportTo(file);

        var copy = new SqliteAuditStore(file).Verify();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Paths.DeleteQuietly(Path.GetDirectoryName(file)!);
        Assert.True(copy.Intact, copy.Describe());
        Assert.Equal((5L, store.Verify().HeadHash), (copy.Events, copy.HeadHash));
    }
}

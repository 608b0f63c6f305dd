using Microsoft.Data.Sqlite;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Tests.Support;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Audit;

/// <summary>The audit store is append-only and hash-chained: every kind of edit is found, and named.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly TempRoot _temp = new();

    private string StorePath => Path.Join(_temp.Base, "audit", "opsconsole-audit.db");

    [Fact]
    public void Appended_events_chain_from_the_genesis_value_and_verify()
    {
        var store = StoreWithEvents(3);

        var events = store.ReadChain().ToList();

        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Id));
        Assert.Equal(AuditChain.Genesis, events[0].PreviousHash);
        Assert.Equal(events[0].Hash, events[1].PreviousHash);
        Assert.Equal(events[1].Hash, events[2].PreviousHash);
        var result = store.Verify();
        Assert.True(result.Intact, result.Describe());
        Assert.Equal((3L, 3L, events[2].Hash), (result.Events, result.HeadId, result.HeadHash));
    }

    [Fact]
    public void The_hash_is_sha256_of_the_documented_netstring_form_so_any_tool_can_recompute_it()
    {
        // Expected value computed outside .NET from docs/backup-and-restore.md's description of the form.
        var e = new AuditEvent
        {
            Id = 1,
            AtTicks = 638000000000000000,
            Type = "download",
            Actor = "web",
            Target = null,
            Source = "web 127.0.0.1",
            Outcome = "ok",
            Detail = "ação",
            PreviousHash = AuditChain.Genesis,
        };

        Assert.Equal("18:opsconsole-audit@1,1:1,18:638000000000000000,8:download,3:web,~,13:web 127.0.0.1,2:ok,6:ação,64:" + AuditChain.Genesis + ",",
            System.Text.Encoding.UTF8.GetString(AuditChain.Canonical(e)));
        Assert.Equal("ccc220551e24927be28726958fa5734f7c6a85274bda2711600a1c202e235ca7", AuditChain.ComputeHash(e));
    }

    [Theory]
    [InlineData("changed field", 3L, AuditChainProblem.ContentChanged)]
    [InlineData("changed field and its own hash", 4L, AuditChainProblem.LinkBroken)]
    [InlineData("deleted row", 4L, AuditChainProblem.EventsMissing)]
    [InlineData("deleted first row", 2L, AuditChainProblem.EventsMissing)]
    [InlineData("reordered rows", 2L, AuditChainProblem.ContentChanged)]
    public void A_tampered_store_fails_verification_at_the_first_damaged_event(string tampering, long brokenAt, AuditChainProblem problem)
    {
        var store = StoreWithEvents(5);
        switch (tampering)
        {
            case "changed field":
                AuditTamper.ChangeDetail(StorePath, 3, "nothing happened");
                break;
            case "changed field and its own hash":
                AuditTamper.ChangeDetailAndRehash(StorePath, 3, "nothing happened");
                break;
            case "deleted row":
                AuditTamper.Delete(StorePath, 3);
                break;
            case "deleted first row":
                AuditTamper.Delete(StorePath, 1);
                break;
            default:
                AuditTamper.Swap(StorePath, 2, 4);
                break;
        }

        var result = store.Verify();

        Assert.False(result.Intact);
        Assert.Equal((brokenAt, problem), (result.BrokenAt!.Value, result.Problem));
        Assert.Contains($"broken at event {brokenAt}", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_refuses_update_and_delete_statements()
    {
        StoreWithEvents(2);
        using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE audit_events SET Outcome = 'ok' WHERE Id = 1;";
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit_events;";

        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => update.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => delete.ExecuteNonQuery()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_appends_through_separate_stores_keep_one_valid_chain()
    {
        // Two store objects = two connection sets on one file, as the web app and a CLI process are.
        var first = new SqliteAuditStore(StorePath);
        var second = new SqliteAuditStore(StorePath);
        first.EnsureCreated();
        var writers = Enumerable.Range(0, 4).Select(n => Task.Run(() =>
        {
            var log = new AuditLog(n % 2 == 0 ? first : second);
            for (var i = 0; i < 25; i++)
            {
                log.Record("test.append", $"writer-{n}", $"event-{i}", "test", "ok");
            }
        }));

        await Task.WhenAll(writers);

        var result = first.Verify();
        Assert.True(result.Intact, result.Describe());
        Assert.Equal(100, result.Events);
        Assert.Equal(100, first.ReadChain().Select(e => e.PreviousHash).Distinct().Count());
    }

    [Fact]
    public void A_secret_in_an_audited_value_is_stored_masked()
    {
        var store = new SqliteAuditStore(StorePath);
        store.EnsureCreated();

        new AuditLog(store).Record("download", "web", "notes/Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXZhbHVl", "web", "refused");

        var stored = Assert.Single(store.ReadChain());
        Assert.DoesNotContain("eyJzdWIiOiIxMjM0In0", stored.Target, StringComparison.Ordinal);
        Assert.True(store.Verify().Intact);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private SqliteAuditStore StoreWithEvents(int count)
    {
        var store = new SqliteAuditStore(StorePath);
        store.EnsureCreated();
        var log = new AuditLog(store);
        for (var i = 1; i <= count; i++)
        {
            log.Record("approval.approve", "carla", $"APR-{i}", "cli@host", "ok", $"decision {i}");
        }

        return store;
    }
}

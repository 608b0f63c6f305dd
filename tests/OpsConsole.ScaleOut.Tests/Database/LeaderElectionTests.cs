using OpsConsole.Core.Database;
using OpsConsole.ScaleOut.Tests.Support;

namespace OpsConsole.ScaleOut.Tests.Database;

/// <summary>Exactly one candidate leads the index; when its database session ends, another takes over.</summary>
public sealed class LeaderElectionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public void Of_three_candidates_exactly_one_leads_and_keeps_leading()
    {
        using var a = new PostgresIndexLeader(_database.ConnectionString);
        using var b = new PostgresIndexLeader(_database.ConnectionString);
        using var c = new PostgresIndexLeader(_database.ConnectionString);

        var first = new[] { a.TryLead(), b.TryLead(), c.TryLead() };
        var again = new[] { a.TryLead(), b.TryLead(), c.TryLead() };

        Assert.Equal([true, false, false], first);
        Assert.Equal([true, false, false], again);
    }

    [Fact]
    public void A_leader_that_stops_hands_over_to_the_next_candidate()
    {
        var a = new PostgresIndexLeader(_database.ConnectionString);
        using var b = new PostgresIndexLeader(_database.ConnectionString);
        Assert.True(a.TryLead());
        Assert.False(b.TryLead());

        a.Dispose();

        Assert.True(b.TryLead());
    }

    [Fact]
    public async Task A_leader_whose_session_is_killed_on_the_server_no_longer_leads_and_another_takes_over()
    {
        using var a = new PostgresIndexLeader(_database.ConnectionString);
        using var b = new PostgresIndexLeader(_database.ConnectionString);
        Assert.True(a.TryLead());

        // What the server does when a leader's machine vanishes (keepalive timeout) or an operator ends it.
        await _database.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = {PostgresIndexLeader.LockKey & 0xFFFFFFFF}");

        Assert.True(b.TryLead());
        Assert.False(a.TryLead());
    }
}

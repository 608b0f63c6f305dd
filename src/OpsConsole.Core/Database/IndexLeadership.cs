using Npgsql;

namespace OpsConsole.Core.Database;

/// <summary>Decides which process runs index passes: exactly one per index.</summary>
public interface IIndexLeadership : IDisposable
{
    /// <summary>
    /// True when this process leads now: keeps leadership it already holds (after checking it still does),
    /// or tries once to take it. Never waits for another leader.
    /// </summary>
    bool TryLead();
}

/// <summary>SQLite: one instance per data folder (its lock file), so that instance always leads.</summary>
public sealed class SingleInstanceLeadership : IIndexLeadership
{
    /// <inheritdoc />
    public bool TryLead() => true;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

/// <summary>
/// PostgreSQL: the leader is whoever holds a session advisory lock (<c>pg_try_advisory_lock</c>) on its own
/// dedicated connection. The lock lives exactly as long as that session: a leader that exits, crashes or is
/// killed closes its socket and the server releases the lock at once; for a machine that vanishes without
/// closing it, the session's TCP keepalive and user timeout (a few seconds) make the server end it. Another
/// instance's next <see cref="TryLead"/> then takes over.
/// </summary>
public sealed class PostgresIndexLeader : IIndexLeadership
{
    /// <summary>The advisory lock key: "OpsCons" as a 64-bit number; one leader per database.</summary>
    public const long LockKey = 0x4F7073436F6E73;

    private readonly string _connectionString;
    private readonly Lock _lock = new();
    private NpgsqlConnection? _session;

    /// <summary>A candidate for the index of the database at <paramref name="connectionString"/>.</summary>
    public PostgresIndexLeader(string connectionString)
    {
        // Its own physical connection, never a pooled one: returning it to a pool would keep the lock held
        // by a session nobody watches, and a pool's reset would not release it either.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5, CommandTimeout = 5 }.ConnectionString;
    }

    /// <inheritdoc />
    public bool TryLead()
    {
        lock (_lock)
        {
            if (_session is not null)
            {
                if (StillHeld(_session))
                {
                    return true;
                }

                Drop();
            }

            var session = new NpgsqlConnection(_connectionString);
            try
            {
                session.Open();
                using var command = session.CreateCommand();

                // A dead leader machine must not hold the lock for the kernel's default two hours.
                command.CommandText = "SET tcp_keepalives_idle = 2; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 3; SET tcp_user_timeout = 5000;";
                command.ExecuteNonQuery();
                command.CommandText = $"SELECT pg_try_advisory_lock({LockKey})";
                if (command.ExecuteScalar() is true)
                {
                    _session = session;
                    return true;
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // Unreachable database: nobody can lead through it; the caller tries again later.
            }

            session.Dispose();
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            Drop();
        }
    }

    /// <summary>True when the session is alive and its lock is still this session's (checked on the server).</summary>
    private static bool StillHeld(NpgsqlConnection session)
    {
        try
        {
            using var command = session.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND ((classid::bigint << 32) | objid::bigint) = {LockKey}";
            return command.ExecuteScalar() is long n && n > 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    private void Drop()
    {
        // Closing the session releases the lock if the server still had it.
        _session?.Dispose();
        _session = null;
    }
}

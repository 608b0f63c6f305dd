using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Index;

/// <summary>The version of the catalogue stored in the database (shared by the web console, the CLI and other instances).</summary>
public sealed partial class ArtifactIndexer
{
    /// <summary>
    /// How long a version read from a shared PostgreSQL server is reused. Caches compare the version on every
    /// read; one round trip per 200 ms keeps a follower within the 1 s freshness target without a query per view.
    /// </summary>
    internal static readonly TimeSpan SharedVersionReuse = TimeSpan.FromMilliseconds(200);

    private string? _connectionString;
    private DbProviderFactory? _provider;
    private bool _shared;
    private long _lastStoredVersion;
    private long _lastReadAt;

    /// <summary>
    /// The stored index version. One indexed SELECT on a pooled connection (SQLite: per call; PostgreSQL: at
    /// most every <see cref="SharedVersionReuse"/>). A busy SQLite file answers the last value read (the next
    /// call tries again); an unreachable PostgreSQL server also marks <see cref="IndexState.DatabaseAvailable"/>
    /// false, so pages say so instead of presenting cached views as current.
    /// </summary>
    private long ReadStoredVersion()
    {
        if (_shared && Interlocked.Read(ref _lastReadAt) is var readAt and not 0 && Stopwatch.GetElapsedTime(readAt) < SharedVersionReuse)
        {
            return Interlocked.Read(ref _lastStoredVersion);
        }

        try
        {
            if (_connectionString is null || _provider is null)
            {
                using var db = _createDb();
                _shared = !db.Database.IsSqlite();
                _provider = DbProviderFactories.GetFactory(db.Database.GetDbConnection());
                _connectionString = db.Database.GetConnectionString();
            }

            using var connection = _provider!.CreateConnection()!;
            connection.ConnectionString = _connectionString;
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Version" FROM index_version WHERE "Id" = 1""";
            if (command.ExecuteScalar() is long version)
            {
                Interlocked.Exchange(ref _lastStoredVersion, version);
            }

            Interlocked.Exchange(ref _lastReadAt, Stopwatch.GetTimestamp());
            _state.DatabaseAvailable = true;
        }
        catch (DbException) when (!_shared)
        {
            // The table is created by EnsureDatabase; before that, or while locked, keep the last value.
        }
        catch (Exception ex) when (_shared && ex is DbException or InvalidOperationException or TimeoutException)
        {
            // Retried after the same interval: an outage must not make every view wait for a connection timeout.
            Interlocked.Exchange(ref _lastReadAt, Stopwatch.GetTimestamp());
            _state.DatabaseAvailable = false;
        }

        return Interlocked.Read(ref _lastStoredVersion);
    }
}

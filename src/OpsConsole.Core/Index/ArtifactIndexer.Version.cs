using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Index;

/// <summary>The version of the catalogue stored in the database (shared by the web console and the CLI).</summary>
public sealed partial class ArtifactIndexer
{
    private string? _connectionString;
    private long _lastStoredVersion;

    /// <summary>
    /// The stored index version. One indexed SELECT on a pooled connection per call; caches compare it on
    /// every read, which is what lets the web see a change the CLI indexed. A busy or missing database
    /// answers the last value read (the next call tries again).
    /// </summary>
    private long ReadStoredVersion()
    {
        try
        {
            if (_connectionString is null)
            {
                using var db = _createDb();
                _connectionString = db.Database.GetConnectionString();
            }

            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Version FROM index_version WHERE Id = 1";
            if (command.ExecuteScalar() is long version)
            {
                Interlocked.Exchange(ref _lastStoredVersion, version);
            }
        }
        catch (SqliteException)
        {
            // The table is created by EnsureDatabase; before that, or while locked, keep the last value.
        }

        return Interlocked.Read(ref _lastStoredVersion);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace OpsConsole.Core.Database;

/// <summary>
/// Applies a context's pending migrations one instance at a time. EF's own lock on PostgreSQL is held per
/// migration transaction: with two migrations pending, an instance that waited behind another's first migration
/// went on to re-apply the second one the other had just applied ("relation change_journal already exists",
/// seen with two instances starting together). A session advisory lock around the whole <c>Migrate</c> makes
/// the second instance wait until the first is done, and then find nothing pending.
/// </summary>
public static class SerializedMigration
{
    /// <summary>The advisory lock key of the index schema ("OpsMigI").</summary>
    public const long IndexKey = 0x4F70734D696749;

    /// <summary>The advisory lock key of the audit schema ("OpsMigA").</summary>
    public const long AuditKey = 0x4F70734D696741;

    /// <summary>The advisory lock key of the Data Protection key ring's schema ("OpsMigD").</summary>
    public const long KeyRingKey = 0x4F70734D696744;

    /// <summary>Migrates <paramref name="database"/>; on PostgreSQL under the session advisory lock <paramref name="key"/>.</summary>
    public static void Migrate(DatabaseFacade database, long key)
    {
        if (!database.IsNpgsql())
        {
            database.Migrate();
            return;
        }

        database.OpenConnection();
        try
        {
            database.ExecuteSql($"SELECT pg_advisory_lock({key})");
            try
            {
                database.Migrate();
            }
            finally
            {
                database.ExecuteSql($"SELECT pg_advisory_unlock({key})");
            }
        }
        finally
        {
            database.CloseConnection();
        }
    }
}

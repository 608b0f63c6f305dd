using OpsConsole.Core.Audit;

namespace OpsConsole.Core.Database;

/// <summary>The audit store of the configured provider (web and CLI pick the same one).</summary>
public static class AuditStores
{
    /// <summary>
    /// The shared trail in PostgreSQL when <paramref name="options"/> says so, else the SQLite file at
    /// <paramref name="sqlitePath"/> (absolute).
    /// </summary>
    public static IAuditStore For(DatabaseOptions options, string sqlitePath) =>
        options.IsPostgres ? new PostgresAuditStore(options.ConnectionString!) : new SqliteAuditStore(sqlitePath);
}

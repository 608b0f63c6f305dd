using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Audit;

/// <summary>
/// The audit trail in its own SQLite file. Appends take SQLite's write lock before reading the chain
/// head (<c>BEGIN IMMEDIATE</c>), so the web app and any number of CLI processes append to one chain.
/// Triggers refuse UPDATE and DELETE on the table; this class has no such path either.
/// </summary>
public sealed class SqliteAuditStore : IAuditStore
{
    private readonly DbContextOptions<AuditDbContext> _options;

    /// <summary>A store at <paramref name="databasePath"/> (made absolute; a relative path is CWD-relative).</summary>
    public SqliteAuditStore(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _options = AuditDbContext.OptionsFor(DatabasePath);
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public void EnsureCreated()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var db = new AuditDbContext(_options);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    /// <inheritdoc />
    public void Append(IReadOnlyList<AuditEvent> drafts)
    {
        if (drafts.Count == 0)
        {
            return;
        }

        using var db = new AuditDbContext(_options);
        db.Database.OpenConnection();
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        // Not deferred = BEGIN IMMEDIATE: the write lock is held before the head is read, so no other
        // writer can read the same head and chain a second event from it.
        using var transaction = connection.BeginTransaction(deferred: false);
        db.Database.UseTransaction(transaction);
        AuditStoreQueries.LinkAndAdd(db, drafts);
        transaction.Commit();
    }

    /// <inheritdoc />
    public AuditPage Find(AuditQuery query)
    {
        using var db = new AuditDbContext(_options);
        return AuditStoreQueries.Find(db, query);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Types()
    {
        using var db = new AuditDbContext(_options);
        return AuditStoreQueries.Types(db);
    }

    /// <inheritdoc />
    public IEnumerable<AuditEvent> ReadChain()
    {
        using var db = new AuditDbContext(_options);
        db.Database.OpenConnection();

        // One read transaction: a snapshot, so appends made while the chain is read do not show half-way.
        using var transaction = db.Database.BeginTransaction();
        foreach (var e in db.Events.AsNoTracking().OrderBy(e => e.Id).AsEnumerable())
        {
            yield return e;
        }
    }

    /// <inheritdoc />
    public AuditVerification Verify() => AuditVerification.Of(ReadChain());

    /// <inheritdoc />
    public void ExportTo(string sqliteFile)
    {
        using var source = new SqliteConnection(AuditDbContext.ConnectionString(DatabasePath));
        using var target = new SqliteConnection($"Data Source={sqliteFile};Pooling=False");
        source.Open();
        target.Open();

        // SQLite's online backup: a consistent copy even while other connections append.
        source.BackupDatabase(target);

        // A self-contained file (no -wal beside it) for the archive.
        using var command = target.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void ReplaceWith(string sqliteFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using (var source = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly;Pooling=False"))
        using (var target = new SqliteConnection(AuditDbContext.ConnectionString(DatabasePath)))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        // A copy taken by an older version is brought to the current schema.
        EnsureCreated();
    }
}

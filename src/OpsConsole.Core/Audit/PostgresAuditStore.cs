using System.Data;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Database;

namespace OpsConsole.Core.Audit;

/// <summary>
/// The audit trail in the shared PostgreSQL database: one trail for every instance and CLI. Same chain and
/// canonical form as <see cref="SqliteAuditStore"/>; an append locks the table against other appenders
/// (readers are not blocked) before reading the head, and triggers refuse UPDATE, DELETE and TRUNCATE.
/// </summary>
public sealed class PostgresAuditStore(string connectionString) : IAuditStore
{
    private readonly DbContextOptions<PostgresAuditDbContext> _options = PostgresAuditDbContext.PostgresOptionsFor(connectionString);

    /// <inheritdoc />
    public void EnsureCreated()
    {
        // Instances starting together migrate one after another (see SerializedMigration).
        using var db = new PostgresAuditDbContext(_options);
        SerializedMigration.Migrate(db.Database, SerializedMigration.AuditKey);
    }

    /// <inheritdoc />
    public void Append(IReadOnlyList<AuditEvent> drafts)
    {
        if (drafts.Count == 0)
        {
            return;
        }

        using var db = new PostgresAuditDbContext(_options);
        using var transaction = db.Database.BeginTransaction();

        // SHARE ROW EXCLUSIVE conflicts with itself (and with writes), not with plain reads: appenders on
        // every instance queue here, so no two chain from the same head; /audit and verify keep reading.
        db.Database.ExecuteSqlRaw("LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE");
        AuditStoreQueries.LinkAndAdd(db, drafts);
        transaction.Commit();
    }

    /// <inheritdoc />
    public AuditPage Find(AuditQuery query)
    {
        using var db = new PostgresAuditDbContext(_options);
        return AuditStoreQueries.Find(db, query);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Types()
    {
        using var db = new PostgresAuditDbContext(_options);
        return AuditStoreQueries.Types(db);
    }

    /// <inheritdoc />
    public IEnumerable<AuditEvent> ReadChain()
    {
        using var db = new PostgresAuditDbContext(_options);

        // REPEATABLE READ: one snapshot, so appends made while the chain is read do not show half-way.
        using var transaction = db.Database.BeginTransaction(IsolationLevel.RepeatableRead);
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
        // The backup format stays one SQLite file: the same rows (ids and hashes as stored), so the copy
        // verifies on its own and `opsconsole backup` works the same with either provider.
        using var target = new AuditDbContext(AuditDbContext.OptionsFor(sqliteFile));
        target.Database.Migrate();
        foreach (var chunk in ReadChain().Chunk(1000))
        {
            target.Events.AddRange(chunk);
            target.SaveChanges();
            target.ChangeTracker.Clear();
        }

        target.Database.ExecuteSqlRaw("PRAGMA journal_mode=DELETE;");
    }

    /// <inheritdoc />
    public void ReplaceWith(string sqliteFile) =>
        throw new NotSupportedException("The PostgreSQL audit trail is append-only and shared by every instance: restore it with the database's own tools (pg_dump / pg_restore), see docs/scale-out.md.");
}

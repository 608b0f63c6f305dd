using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Index;

/// <summary>The indexer's database: its schema, and the mark that a full pass has completed the catalogue.</summary>
public sealed partial class ArtifactIndexer
{
    /// <summary>
    /// Applies migrations (creating the database when absent). Several instances starting at once on one
    /// PostgreSQL database are safe: they migrate one after another (<see cref="OpsConsole.Core.Database.SerializedMigration"/>).
    /// </summary>
    public void EnsureDatabase()
    {
        using var db = _createDb();
        var migrating = db.Database.GetPendingMigrations().Any();
        OpsConsole.Core.Database.SerializedMigration.Migrate(db.Database, OpsConsole.Core.Database.SerializedMigration.IndexKey);
        if (migrating)
        {
            // A new or changed schema: the catalogue is not known complete until a full pass ends.
            IndexCompleteness.MarkIncomplete(db);
        }

        if (db.Database.IsSqlite())
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        ArtifactIndexes.EnsureAll(db);
    }

    /// <summary>
    /// When a previous full pass completed this catalogue, publishes its counts and returns true: a
    /// restart can serve it at once while the start-up pass re-reads only what changed meanwhile.
    /// </summary>
    public bool PublishCompleteIndex()
    {
        using var db = _createDb();
        if (!IndexCompleteness.IsComplete(db))
        {
            return false;
        }

        _state.FileCount = db.Artifacts.Count();
        _state.UnreadableCount = db.Artifacts.Count(a => !a.Readable);
        _state.LastCompletedPassAt = db.IndexVersion.AsNoTracking().Select(v => v.CompletedPassTicks).FirstOrDefault() is { } t
            ? new DateTimeOffset(t, TimeSpan.Zero) : null;
        return true;
    }

    private void MarkComplete()
    {
        using var db = _createDb();
        var now = DateTimeOffset.UtcNow;
        IndexCompleteness.MarkComplete(db, now);
        _state.LastCompletedPassAt = now;
    }
}

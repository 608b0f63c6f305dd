using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Index;

/// <summary>
/// The change journal of one index pass. Until a full pass has written the journal's baseline row nothing is
/// recorded, so the first build of an index (or the first pass after the journal table appeared) is the
/// starting point, never a flood of "added". The SQL is plain INSERT/SELECT with <c>@p</c> parameters so it
/// runs on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class ChangeJournal(long atTicks, bool recording)
{
    /// <summary>When the pass started, UTC ticks: the time of every row it writes.</summary>
    public long AtTicks { get; } = atTicks;

    /// <summary>False before the journal's baseline exists: the pass then records nothing.</summary>
    public bool Recording { get; } = recording;

    /// <summary>A journal for a pass starting now; recording when the database already holds a baseline row.</summary>
    public static ChangeJournal Start(IndexDbContext db, DateTimeOffset now) =>
        new(now.UtcTicks, db.ChangeJournal.AsNoTracking().Any(j => j.Change == ChangeKinds.Baseline));

    /// <summary>The per-transaction writer, or null when this pass records nothing.</summary>
    public ChangeJournalBatch? Begin(DbConnection connection, DbTransaction tx) =>
        Recording ? new ChangeJournalBatch(this, connection, tx) : null;

    /// <summary>Writes the baseline row when this full pass was the journal's first (call once the pass completed).</summary>
    public void MarkBaselineIfFirst(IndexDbContext db)
    {
        if (Recording)
        {
            return;
        }

        db.ChangeJournal.Add(new ChangeJournalRecord { AtTicks = AtTicks, Change = ChangeKinds.Baseline, Kind = ChangeKinds.Baseline });
        db.SaveChanges();
    }

    /// <summary>Adds "removed" rows for <paramref name="paths"/> to <paramref name="db"/> (in the caller's transaction).</summary>
    public async Task RecordRemovalsAsync(IndexDbContext db, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        if (!Recording || paths.Count == 0)
        {
            return;
        }

        // One INSERT ... SELECT per chunk: the rows are copied inside the database instead of loaded, tracked and saved
        // one by one (an archive of 30 days removes 300,000 reports; EF's per-row save was most of the index update).
        // The paths go as one parameter (a JSON array for SQLite, a text[] for PostgreSQL): SQLite binds parameters by
        // name, at a cost that grows with the square of their number. "unreadable" is JournalSnapshot.StatusOf for a
        // row that could not be read.
        var sqlite = db.Database.IsSqlite();
        object[] values = [AtTicks, ChangeKinds.Removed, sqlite ? JsonSerializer.Serialize(paths) : paths.ToArray()];
        var sql = "INSERT INTO change_journal (\"AtTicks\", \"Change\", \"Path\", \"Kind\", \"Key\", \"Device\", \"GroupKey\", \"Title\", \"StatusBefore\", \"CountBefore\", \"Category\") "
            + "SELECT {0}, {1}, \"Path\", \"Kind\", \"Key\", \"Device\", \"GroupKey\", \"Title\", CASE WHEN \"Readable\" THEN \"Status\" ELSE 'unreadable' END, \"Count\", \"Category\" "
            + (sqlite ? "FROM artifacts WHERE \"Path\" IN (SELECT value FROM json_each({2}))" : "FROM artifacts WHERE \"Path\" = ANY({2})");
        await db.Database.ExecuteSqlRawAsync(sql, values, ct);
    }
}

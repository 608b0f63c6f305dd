using System.Data.Common;
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

    /// <summary>Adds "removed" rows for <paramref name="paths"/> to <paramref name="db"/> (saved by the caller's transaction).</summary>
    public async Task RecordRemovalsAsync(IndexDbContext db, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        if (!Recording)
        {
            return;
        }

        var rows = await db.Artifacts.AsNoTracking().Where(a => paths.Contains(a.Path)).ToListAsync(ct);
        db.ChangeJournal.AddRange(rows.Select(a => new ChangeJournalRecord
        {
            AtTicks = AtTicks,
            Change = ChangeKinds.Removed,
            Path = a.Path,
            Kind = a.Kind,
            Key = a.Key,
            Device = a.Device,
            GroupKey = a.GroupKey,
            Title = a.Title,
            StatusBefore = JournalSnapshot.StatusOf(a.Readable, a.Status),
            CountBefore = a.Count,
            Category = a.Category,
        }));
        await db.SaveChangesAsync(ct);

        // The caller passes chunks of one large removal (an archive of 30 days moves 300,000 reports) on one context:
        // saved rows are let go, so memory stays flat and each save does not re-scan every row added before it.
        db.ChangeTracker.Clear();
    }
}

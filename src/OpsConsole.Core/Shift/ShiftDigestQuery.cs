using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Shift;

/// <summary>
/// Reads the shift digest from the change journal: indexed range queries, no file is read. Reports and approvals an
/// archive run moved are one summary line per bundle period (see <see cref="ArchivedRemovals"/>), not one line per file.
/// </summary>
public sealed class ShiftDigestQuery(Func<IndexDbContext> createDb)
{
    /// <summary>The <see cref="ShiftChange.Change"/> of a summary line: the removals of one period that an archive bundle holds.</summary>
    public const string Archived = "archived";

    /// <summary>The changes journaled in [<paramref name="since"/>, <paramref name="until"/>], grouped by section.</summary>
    public async Task<ShiftDigest> BuildAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var db = createDb();
        var from = since.UtcTicks;
        var to = until.UtcTicks;
        var journalStart = await db.ChangeJournal.AsNoTracking().Where(j => j.Change == ChangeKinds.Baseline)
            .OrderBy(j => j.AtTicks).Select(j => (long?)j.AtTicks).FirstOrDefaultAsync(ct);
        var compliance = nameof(ArtifactKind.ComplianceReport);
        var days = await ArchivedRemovals.ComplianceDaysAsync(db, from, to, ct);
        var archivedDays = days.Where(d => d.Archived is not null).Select(d => d.Day).ToList();
        var dayLines = days.Select(ArchivedRemovals.Line).OfType<ShiftChange>().ToList();
        var summarisedBundles = dayLines.Select(l => l.Path).ToHashSet(StringComparer.Ordinal);

        // A nightly run adds one report per device; only those whose status, divergence count or fields moved are news.
        var rows = await db.ChangeJournal.AsNoTracking()
            .Where(j => j.AtTicks >= from && j.AtTicks <= to && j.Change != ChangeKinds.Baseline)
            .Where(j => j.Kind != compliance || j.Change == ChangeKinds.Removed || j.StatusBefore != j.StatusAfter || j.CountBefore != j.CountAfter
                || j.NewDivergentFields != null)
            // An archived day's removals stay in the database: its summary line counts them.
            .Where(j => !(j.Kind == compliance && j.Change == ChangeKinds.Removed && j.Path.StartsWith("compliance/")
                && archivedDays.Contains(j.Path.Substring(11, 10))))
            .OrderBy(j => j.AtTicks).ThenBy(j => j.Kind).ThenBy(j => j.Path).ThenBy(j => j.Id)
            .ToListAsync(ct);

        // An approval decision moves the file: the added row (with its before) tells it; the removal under the old folder is noise.
        var moved = rows.Where(r => r.Kind == nameof(ArtifactKind.Approval) && r.Change != ChangeKinds.Removed)
            .Select(r => (r.AtTicks, r.Key)).ToHashSet();
        var (archivedApprovals, approvalLines) = ArchivedRemovals.Approvals(rows, moved);
        summarisedBundles.UnionWith(approvalLines.Select(l => l.Path));
        var changes = rows
            .Where(r => !(r.Kind == nameof(ArtifactKind.Approval) && r.Change == ChangeKinds.Removed && moved.Contains((r.AtTicks, r.Key))))
            .Where(r => !archivedApprovals.Contains(r))
            // A bundle with a summary line (and its checksum sidecar) is said there; a bundle that explains no removal keeps its own line.
            .Where(r => !(r.Change != ChangeKinds.Removed && (summarisedBundles.Contains(r.Path)
                || (r.Path.EndsWith(".sha256", StringComparison.Ordinal) && summarisedBundles.Contains(r.Path[..^".sha256".Length])))))
            .Select(ToChange)
            .Concat(dayLines)
            .Concat(approvalLines)
            .OrderBy(c => c.At)
            .ToList();
        return new ShiftDigest
        {
            Since = since,
            Until = until,
            JournalStart = journalStart is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null,
            Changes = changes,
        };
    }

    /// <summary>The digest section of a journal row's kind.</summary>
    public static ShiftSection SectionOf(string kind) => kind switch
    {
        ChangeKinds.StopConditionsKind => ShiftSection.StopConditions,
        nameof(ArtifactKind.ComplianceReport) or nameof(ArtifactKind.ComplianceReview) => ShiftSection.Compliance,
        nameof(ArtifactKind.Approval) => ShiftSection.Approvals,
        nameof(ArtifactKind.Incident) => ShiftSection.Incidents,
        nameof(ArtifactKind.BatchResult) => ShiftSection.Batches,
        nameof(ArtifactKind.Gate) => ShiftSection.Gates,
        nameof(ArtifactKind.EngagementResponses) or nameof(ArtifactKind.EngagementValidation) => ShiftSection.Engagement,
        nameof(ArtifactKind.ExecutionLog) or nameof(ArtifactKind.ExecutionReport) => ShiftSection.Executions,
        _ => ShiftSection.Files,
    };

    private static ShiftChange ToChange(ChangeJournalRecord r) => new(
        new DateTimeOffset(r.AtTicks, TimeSpan.Zero), SectionOf(r.Kind), r.Change, r.Kind, r.Path, r.Key, r.Device, r.GroupKey, r.Title,
        r.StatusBefore, r.StatusAfter, r.CountBefore, r.CountAfter, r.Category, r.Actor, r.Problem)
    {
        NewDivergentFields = DivergentFields.Split(r.NewDivergentFields),
    };
}

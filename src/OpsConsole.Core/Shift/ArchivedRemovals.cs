using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Archive;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Shift;

/// <summary>
/// Tells the removals an archive run made from plain removals, so the digest shows one line per archived period
/// instead of one per file (30 days at 10,000 devices are 300,000 removal rows). Only what the index knows decides:
/// <list type="bullet">
/// <item>A compliance report removed from <c>compliance/&lt;day&gt;/</c> is archived when the index holds a readable bundle of
/// that day (<c>archive/compliance/&lt;day&gt;.zip</c>, any version) whose manifest counts at least as many entries as the
/// window removed from that day. The removals are counted per day by one GROUP BY in the database; the rows are never loaded.</item>
/// <item>An approval removed from a decided state folder (and not moved to another folder) is archived when the same
/// window journaled readable approval bundles whose manifests count at least as many entries as such removals. Its
/// removal row does not say the month of the decision, so the bundles, not the removals, give the periods.</item>
/// </list>
/// Anything else stays one line per file: a day with no bundle, more removals than its bundles hold, or a bundle that
/// does not read. A day whose bundle is unreadable also gets a summary line with the "unreadable" status and the reason.
/// </summary>
internal static class ArchivedRemovals
{
    private const string ComplianceFolder = "compliance/";
    private const string ApprovalBundleFolder = "archive/approvals/";

    /// <summary>Removal counts per compliance day in the window, and the index's bundles of those days.</summary>
    public static async Task<IReadOnlyList<DaySummary>> ComplianceDaysAsync(IndexDbContext db, long from, long to, CancellationToken ct)
    {
        var report = nameof(ArtifactKind.ComplianceReport);
        var days = await db.ChangeJournal.AsNoTracking()
            .Where(j => j.AtTicks >= from && j.AtTicks <= to && j.Change == ChangeKinds.Removed && j.Kind == report && j.Path.StartsWith(ComplianceFolder))
            .GroupBy(j => j.Path.Substring(ComplianceFolder.Length, 10))
            .Select(g => new { Day = g.Key, Count = g.Count(), Last = g.Max(j => j.AtTicks) })
            .ToListAsync(ct);
        if (days.Count == 0)
        {
            return [];
        }

        var keys = days.Select(d => d.Day).ToList();
        var bundle = nameof(ArtifactKind.ArchiveBundle);
        var bundles = await db.Artifacts.AsNoTracking()
            .Where(a => a.Kind == bundle && a.Status == ArchiveLayout.Compliance && a.Day != null && keys.Contains(a.Day))
            .Select(a => new BundleFacts(a.Path, a.Day!, a.Readable, a.Count, a.Problem))
            .ToListAsync(ct);
        var byDay = bundles.ToLookup(b => b.Period, StringComparer.Ordinal);
        return [.. days.OrderBy(d => d.Day, StringComparer.Ordinal).Select(d => new DaySummary(d.Day, d.Count, new DateTimeOffset(d.Last, TimeSpan.Zero), [.. byDay[d.Day]]))];
    }

    /// <summary>
    /// The approval removals of <paramref name="rows"/> an archive run explains, and the summary lines of the approval bundles
    /// journaled in the window; both empty when the bundles do not cover every decided removal.
    /// </summary>
    public static (IReadOnlySet<ChangeJournalRecord> Archived, IReadOnlyList<ShiftChange> Lines) Approvals(IReadOnlyList<ChangeJournalRecord> rows,
        IReadOnlySet<(long, string?)> moved)
    {
        var bundleRows = rows.Where(r => r.Kind == nameof(ArtifactKind.ArchiveBundle) && r.Change != ChangeKinds.Removed
            && r.Path.StartsWith(ApprovalBundleFolder, StringComparison.Ordinal) && ArchiveLayout.TryParse(r.Path, out _)).ToList();
        if (bundleRows.Count == 0)
        {
            return (new HashSet<ChangeJournalRecord>(), []);
        }

        var decided = rows.Where(r => r.Kind == nameof(ArtifactKind.Approval) && r.Change == ChangeKinds.Removed
            && ArchiveCandidates.DecidedStates.Contains(r.StatusBefore ?? "") && !moved.Contains((r.AtTicks, r.Key))).ToHashSet();
        var readable = bundleRows.Where(r => r.StatusAfter != "unreadable").ToList();
        var covered = decided.Count > 0 && readable.Count > 0 && readable.Sum(r => r.CountAfter ?? 0) >= decided.Count;
        // Covered: each readable bundle is a line with its own count. Not covered: the decided removals stay per file, and an
        // unreadable bundle of the window says why they could not be taken as archived.
        var lines = covered
            ? readable.Select(r => Line(ShiftSection.Approvals, nameof(ArtifactKind.Approval), r, r.CountAfter ?? 0)).ToList()
            : decided.Count == 0 ? []
            : bundleRows.Where(r => r.StatusAfter == "unreadable").Select(r => Line(ShiftSection.Approvals, nameof(ArtifactKind.Approval), r, decided.Count)).ToList();
        return (covered ? decided : new HashSet<ChangeJournalRecord>(), lines);
    }

    /// <summary>The summary line of a compliance day, or null when its removals stay one line per file.</summary>
    public static ShiftChange? Line(DaySummary day)
    {
        if (day.Archived is { } bundle)
        {
            return Summary(ShiftSection.Compliance, nameof(ArtifactKind.ComplianceReport), day.Last, bundle.Path, day.Day, ShiftDigestQuery.Archived, day.Count, null);
        }

        return day.Bundles.FirstOrDefault(b => !b.Readable) is { } broken
            ? Summary(ShiftSection.Compliance, nameof(ArtifactKind.ComplianceReport), day.Last, broken.Path, day.Day, "unreadable", day.Count, broken.Problem)
            : null;
    }

    private static ShiftChange Line(ShiftSection section, string kind, ChangeJournalRecord bundle, int count)
    {
        var period = ArchiveLayout.TryParse(bundle.Path, out var name) ? name.Period : "";
        var unreadable = bundle.StatusAfter == "unreadable";
        return Summary(section, kind, new DateTimeOffset(bundle.AtTicks, TimeSpan.Zero), bundle.Path, period,
            unreadable ? "unreadable" : ShiftDigestQuery.Archived, count, unreadable ? bundle.Problem : null);
    }

    private static ShiftChange Summary(ShiftSection section, string kind, DateTimeOffset at, string bundlePath, string period, string status, int count, string? problem)
    {
        var id = ArchiveLayout.TryParse(bundlePath, out var name) ? name.Id : bundlePath;
        return new ShiftChange(at, section, ShiftDigestQuery.Archived, kind, bundlePath, id, null, period, null, null, status, null, count, null, null, problem);
    }
}

/// <summary>The facts of one indexed bundle the digest needs.</summary>
internal sealed record BundleFacts(string Path, string Period, bool Readable, int? Count, string? Problem)
{
    /// <summary>The version in the bundle's name (1 for the first of its period).</summary>
    public int Version => ArchiveLayout.TryParse(Path, out var name) ? name.Version : 0;
}

/// <summary>How many reports of one day the window removed, and the index's bundles of that day.</summary>
internal sealed record DaySummary(string Day, int Count, DateTimeOffset Last, IReadOnlyList<BundleFacts> Bundles)
{
    /// <summary>The newest readable bundle of the day when the readable bundles hold at least <see cref="Count"/> entries; else null.</summary>
    public BundleFacts? Archived =>
        Bundles.Where(b => b.Readable).Sum(b => b.Count ?? 0) >= Count
            ? Bundles.Where(b => b.Readable).OrderByDescending(b => b.Version).FirstOrDefault()
            : null;
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Archive;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Read.ArchivedHistory;

/// <summary>One archived report of a device, as its history line links it.</summary>
/// <param name="Bundle">The bundle that holds it.</param>
/// <param name="Day">The run day.</param>
/// <param name="Status">The compliance status (null when unknown).</param>
/// <param name="Path">Where the report lived (the entry's name in the bundle).</param>
public sealed record ArchivedDeviceReport(BundleName Bundle, string Day, string? Status, string Path);

/// <summary>A device's archived reports: how many, and the newest few.</summary>
/// <param name="Count">Archived reports of the device (those still in place are counted as live, not here).</param>
/// <param name="Newest">The newest, newest day first.</param>
public sealed record ArchivedDeviceHistory(int Count, IReadOnlyList<ArchivedDeviceReport> Newest);

/// <summary>
/// The archive as the index holds it: the compliance bundles' catalogue rows, their per-status counts and their reports
/// (written when a bundle is indexed, <see cref="ArchivedReportRecord"/>), with the approval bundles read from their
/// manifests (one per month, <see cref="ArchivedRecords.Approvals"/>). A history count is a query over a few hundred
/// rows; nothing per report is held in memory.
/// </summary>
/// <remarks>
/// A report whose file is still in place (a run interrupted before its removals) is counted as live, not archived: the
/// catalogue knows which paths are live, so the correction is a join, done only for the run days that have live
/// reports too (none, once every archive run has finished).
/// </remarks>
public sealed class IndexedArchive(IDbContextFactory<IndexDbContext> dbFactory, ArchivedRecords files)
{
    private static readonly string ComplianceReport = nameof(ArtifactKind.ComplianceReport);

    /// <summary>Every bundle and what it holds, as of the index now.</summary>
    public ArchiveSnapshot Current()
    {
        using var db = dbFactory.CreateDbContext();
        var bundles = db.OfKind(ArtifactKind.ArchiveBundle)
            .Select(a => new { a.Path, a.Problem, a.Readable, a.AtTicks, a.Count, a.Size, a.Sha256 })
            .ToList()
            .Select(a => (Row: a, Parsed: ArchiveLayout.TryParse(a.Path, out var name) ? name : (BundleName?)null))
            .Where(b => b.Parsed is { Kind: ArchiveLayout.Compliance })
            .ToList();
        var counts = db.ArchivedReportCounts.AsNoTracking().Select(c => new { c.Bundle, c.Day, c.Status, c.Count }).ToList();
        var inPlace = InPlaceCounts(db, [.. bundles.Select(b => b.Parsed!.Value.Period).Distinct()]);

        var summaries = bundles.Select(b => new ArchivedBundle(b.Parsed!.Value, b.Row.Readable ? null : b.Row.Problem ?? "unreadable",
            b.Row.AtTicks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null, b.Row.Readable ? b.Row.Count ?? 0 : 0,
            inPlace.Where(p => p.Bundle == b.Row.Path).Sum(p => p.Count), b.Row.Size, b.Row.Sha256.Length == 0 ? null : b.Row.Sha256));

        var perDay = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            var live = inPlace.Where(p => p.Bundle == c.Bundle && p.Status == c.Status).Sum(p => p.Count);
            if (c.Count - live > 0)
            {
                var day = perDay.TryGetValue(c.Day, out var d) ? d : perDay[c.Day] = new(StringComparer.Ordinal);
                day[c.Status] = day.GetValueOrDefault(c.Status) + c.Count - live;
            }
        }

        var approvals = files.Approvals();
        return new ArchiveSnapshot(
            [.. approvals.Bundles.Concat(summaries.OrderBy(b => b.Name.Period, StringComparer.Ordinal).ThenBy(b => b.Name.Version))],
            perDay.ToDictionary(d => d.Key, d => (IReadOnlyDictionary<string, int>)d.Value, StringComparer.Ordinal), approvals.Approvals);
    }

    /// <summary>The archived reports of <paramref name="device"/>: the count and the newest <paramref name="take"/>.</summary>
    public ArchivedDeviceHistory DeviceHistory(string device, int take) => DeviceHistory(device, take, Current());

    /// <summary>
    /// The archived reports of <paramref name="device"/>, knowing from <paramref name="snapshot"/> (the archive as of the
    /// index version the caller shows) which bundles still have reports in place. Only those bundles' rows are checked
    /// against the catalogue, usually none: checking each of a device's 335 archived reports took most of the device
    /// page's time on a year-long tree (docs/performance.md).
    /// </summary>
    public ArchivedDeviceHistory DeviceHistory(string device, int take, ArchiveSnapshot snapshot)
    {
        var withLiveReports = snapshot.Bundles.Where(b => b.InPlaceCount > 0).Select(b => b.Name.Path).ToArray();
        using var db = dbFactory.CreateDbContext();
        var reports = db.ArchivedReports.AsNoTracking().Where(r => r.Device == device);
        var archived = withLiveReports.Length == 0 ? reports : NotInPlace(db, reports, withLiveReports);
        var count = archived.Count();
        var newest = count == 0 ? [] : archived.OrderByDescending(r => r.Day).ThenByDescending(r => r.Bundle).Take(take)
            .Select(r => new { r.Bundle, r.Day, r.Status, r.Device, r.OtherPath })
            .ToList()
            .Where(r => ArchiveLayout.TryParse(r.Bundle, out _))
            .Select(r => new ArchivedDeviceReport(ArchiveLayout.TryParse(r.Bundle, out var name) ? name : default, r.Day, r.Status,
                ArchivedReportRecord.PathOf(r.Day, r.Device, r.OtherPath)))
            .ToList();
        return new ArchivedDeviceHistory(count, newest);
    }

    private static IQueryable<ArchivedReportRecord> NotInPlace(IndexDbContext db, IQueryable<ArchivedReportRecord> reports, string[] bundles) =>
        reports.Where(r => !EF.Parameter(bundles).Contains(r.Bundle)
            || !db.Artifacts.Any(a => a.Path == (r.OtherPath ?? "compliance/" + r.Day + "/" + r.Device + ".json")));

    private static List<(string Bundle, string Status, int Count)> InPlaceCounts(IndexDbContext db, List<string> archivedDays)
    {
        if (archivedDays.Count == 0)
        {
            return [];
        }

        // Days with live reports too: a few index seeks (one per archived day), usually none.
        var overlapping = db.Artifacts.AsNoTracking().Where(a => a.Kind == ComplianceReport && a.Day != null && archivedDays.Contains(a.Day))
            .Select(a => a.Day!).Distinct().ToList();
        if (overlapping.Count == 0)
        {
            return [];
        }

        return [.. db.ArchivedReports.AsNoTracking().Where(r => overlapping.Contains(r.Day))
            .Where(r => db.Artifacts.Any(a => a.Path == (r.OtherPath ?? "compliance/" + r.Day + "/" + r.Device + ".json")))
            .GroupBy(r => new { r.Bundle, Status = r.Status ?? ArchivedReportCountRecord.UnknownStatus })
            .Select(g => new { g.Key.Bundle, g.Key.Status, Count = g.Count() })
            .AsEnumerable()
            .Select(g => (g.Bundle, g.Status, g.Count))];
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Read;

/// <summary>
/// The query pieces several reads share, over the generic index row. Provider-specific shapes (the
/// per-device seek, the path range of a day folder) live here only, so a second database provider
/// changes this file and the reads, never a page.
/// </summary>
public static class IndexQueries
{
    /// <summary>Untracked rows of one kind.</summary>
    public static IQueryable<ArtifactRecord> OfKind(this IndexDbContext db, ArtifactKind kind)
    {
        var name = kind.ToString();
        return db.Artifacts.AsNoTracking().Where(a => a.Kind == name);
    }

    /// <summary>
    /// The newest compliance report of every device (one row per device): the report with the newest
    /// generated_at, ties broken by row id, the definition every page and summary card shares. Written as
    /// "for each distinct device, the id of its newest report" so SQLite answers with one index seek per
    /// device instead of comparing every report with every other report of the same device.
    /// </summary>
    public static IQueryable<ArtifactRecord> LatestReportPerDevice(this IndexDbContext db)
    {
        var reports = db.OfKind(ArtifactKind.ComplianceReport);
        // "?? string.Empty" only tells EF the key is never null (it is filtered), so the comparison
        // stays a plain equality that can seek the (Kind, Device, AtTicks) index.
        var newestIds = reports.Where(a => a.Device != null).GroupBy(a => a.Device).Select(g => g.Key ?? string.Empty)
            .Select(device => reports.Where(b => b.Device == device)
                .OrderByDescending(b => b.AtTicks).ThenByDescending(b => b.Id).Select(b => b.Id).First());
        return db.Artifacts.AsNoTracking().Where(a => newestIds.Contains(a.Id));
    }

    /// <summary>
    /// The newest compliance report of each of <paramref name="devices"/>: the definition of
    /// <see cref="LatestReportPerDevice"/> restricted to the names, in one round trip (a page of the device list).
    /// </summary>
    public static IQueryable<ArtifactRecord> LatestReportOfDevices(this IndexDbContext db, IReadOnlyCollection<string> devices)
    {
        var reports = db.OfKind(ArtifactKind.ComplianceReport);
        var newestIds = reports.Where(a => a.Device != null && devices.Contains(a.Device)).GroupBy(a => a.Device).Select(g => g.Key ?? string.Empty)
            .Select(device => reports.Where(b => b.Device == device)
                .OrderByDescending(b => b.AtTicks).ThenByDescending(b => b.Id).Select(b => b.Id).First());
        return db.Artifacts.AsNoTracking().Where(a => newestIds.Contains(a.Id));
    }

    /// <summary>A device's compliance reports, newest first (same order as <see cref="LatestReportPerDevice"/>).</summary>
    public static IOrderedQueryable<ArtifactRecord> ReportsOfDevice(this IndexDbContext db, string device) =>
        db.OfKind(ArtifactKind.ComplianceReport).Where(a => a.Device == device)
            .OrderByDescending(a => a.AtTicks).ThenByDescending(a => a.Id);

    /// <summary>The newest readable run of any batch, or null when there is none.</summary>
    public static Task<ArtifactRecord?> NewestRunAsync(this IndexDbContext db) =>
        db.OfKind(ArtifactKind.BatchResult).Where(a => a.Readable)
            .OrderByDescending(a => a.AtTicks).ThenByDescending(a => a.Id).FirstOrDefaultAsync();

    /// <summary>Walks the time index from the newest end (MAX with a filter would scan every row).</summary>
    public static Task<long?> NewestReadableTicksAsync(this IQueryable<ArtifactRecord> rows) =>
        rows.Where(a => a.Readable).OrderByDescending(a => a.AtTicks).Select(a => a.AtTicks).FirstOrDefaultAsync();

    /// <summary>
    /// Compliance reports of the day folders from <paramref name="from"/> to <paramref name="to"/> (inclusive,
    /// yyyy-MM-dd; a malformed value is ignored), as a range over the unique path index.
    /// </summary>
    public static IQueryable<ArtifactRecord> InDays(this IQueryable<ArtifactRecord> query, string? from, string? to)
    {
        if (Day(from) is { } f)
        {
            query = query.PathAtLeast("compliance/" + f + "/");
        }

        if (Day(to) is { } t)
        {
            // '0' is the character after '/', so this bound ends right after the day folder.
            query = query.PathBelow("compliance/" + t + "0");
        }

        return query;
    }

    /// <summary>
    /// Files under <paramref name="folder"/> (no trailing slash), as a range of the unique path index ('0' follows
    /// '/'): SQLite's LIKE, which StartsWith becomes, cannot use that index and walks the whole catalogue.
    /// </summary>
    public static IQueryable<ArtifactRecord> UnderFolder(this IQueryable<ArtifactRecord> query, string folder) =>
        query.PathAtLeast(folder + "/").PathBelow(folder + "0");

    // EF translates only the two-argument string.Compare (to SQL >= and <); both databases then compare paths
    // byte-wise (SQLite's BINARY collation, PostgreSQL's "C" collation of the path column), which is the ordinal
    // order CA1309 asks for.
#pragma warning disable CA1309
    private static IQueryable<ArtifactRecord> PathAtLeast(this IQueryable<ArtifactRecord> query, string low) =>
        query.Where(a => string.Compare(a.Path, low) >= 0);

    private static IQueryable<ArtifactRecord> PathBelow(this IQueryable<ArtifactRecord> query, string high) =>
        query.Where(a => string.Compare(a.Path, high) < 0);

    /// <summary>Rows whose day folder (yyyy-MM-dd, so text order is date order) is before <paramref name="day"/>.</summary>
    public static IQueryable<ArtifactRecord> DayBefore(this IQueryable<ArtifactRecord> query, string day) =>
        query.Where(a => string.Compare(a.Day, day) < 0);

    /// <summary>Rows whose day folder is <paramref name="day"/> or later.</summary>
    public static IQueryable<ArtifactRecord> DayFromOn(this IQueryable<ArtifactRecord> query, string day) =>
        query.Where(a => string.Compare(a.Day, day) >= 0);
#pragma warning restore CA1309

    /// <summary>A day filter value (yyyy-MM-dd) or null when absent or malformed.</summary>
    public static string? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value : null;

    /// <summary>Most severe first (Category holds the severity), then newest: critical 0 … low 3, unknown or unreadable last.</summary>
    public static IOrderedQueryable<ArtifactRecord> BySeverity(this IQueryable<ArtifactRecord> query) =>
        query.OrderBy(a => a.Category == SeverityLevel.Critical ? 0 : a.Category == SeverityLevel.High ? 1
                : a.Category == SeverityLevel.Medium ? 2 : a.Category == SeverityLevel.Low ? 3 : 4)
            .ThenByDescending(a => a.AtTicks).ThenBy(a => a.Key);

    /// <summary>Counts rows per shown status ("unreadable" for files that could not be read).</summary>
    public static Task<Dictionary<string, int>> CountByStatusAsync(this IQueryable<ArtifactRecord> rows) =>
        rows.GroupBy(a => a.Readable ? a.Status : ReadStatus.Unreadable)
            .Select(g => new { Status = g.Key ?? ReadStatus.Unknown, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count);
}

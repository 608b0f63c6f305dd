using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Compliance;

/// <summary>Compliance reports from the index: the list, the detail by id or by path, and the statuses a list filters on.</summary>
public sealed partial class ComplianceReportReads(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, LatestReports latest, IndexVersionMemo memo)
{
    /// <summary>The statuses a list can filter on: the contract's three plus "unreadable".</summary>
    public static readonly IReadOnlyList<string> Statuses = StatusFilter.Options(ArtifactVocabulary.ComplianceStatuses);

    /// <summary>One page of reports matching <paramref name="filter"/>, newest first unless ascending.</summary>
    public async Task<PagedList<ComplianceReportRow>> ListAsync(ComplianceFilter filter, PageRequest page)
    {
        if (filter.LatestOnly)
        {
            return LatestPage(await LatestInOrderAsync(filter.Ascending), filter, page);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        // The total is remembered per index version: counting 75,000 divergent reports on every request
        // was most of the list's time at scale, and the count only changes when the index does.
        var total = await memo.GetOrAddAsync(CountKey(filter), () => Filtered(db.OfKind(ArtifactKind.ComplianceReport).WithStatus(filter.Status), filter).CountAsync());
        var items = await Ordered(db, filter).Skip(page.Skip).Take(page.Size).Select(ArtifactProjections.ComplianceReport).ToListAsync();
        return new PagedList<ComplianceReportRow>(items, total, page);
    }

    /// <summary>
    /// The rows of <see cref="ListAsync"/>'s page read one by one while the caller writes them (an export of up to
    /// 10,000 rows streamed to the client), without the total.
    /// </summary>
    public async IAsyncEnumerable<ComplianceReportRow> StreamAsync(ComplianceFilter filter, PageRequest page)
    {
        if (filter.LatestOnly)
        {
            foreach (var row in LatestPage(await LatestInOrderAsync(filter.Ascending), filter, page).Items)
            {
                yield return row;
            }

            yield break;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await foreach (var row in Ordered(db, filter).Skip(page.Skip).Take(page.Size).Select(ArtifactProjections.ComplianceReport).AsAsyncEnumerable())
        {
            yield return row;
        }
    }

    private static IQueryable<ArtifactRecord> Filtered(IQueryable<ArtifactRecord> withStatus, ComplianceFilter filter)
    {
        var query = withStatus.InDays(filter.From, filter.To);
        if (!string.IsNullOrWhiteSpace(filter.Device))
        {
            var device = filter.Device.Trim();
            query = query.Where(a => a.Device != null && a.Device.Contains(device));
        }

        return query;
    }

    /// <summary>
    /// The list's rows in order. The status is compared as "Status || ''" so SQLite cannot pick the (Kind, Status)
    /// index, which would sort every match (75,000 at scale); it walks the time index and stops after one page
    /// instead. The count keeps the covering (Kind, Status) index.
    /// </summary>
    private static IQueryable<ArtifactRecord> Ordered(IndexDbContext db, ComplianceFilter filter)
    {
        var source = db.OfKind(ArtifactKind.ComplianceReport);
        var rows = string.IsNullOrEmpty(filter.Status) || filter.Status == ReadStatus.Unreadable
            ? Filtered(source.WithStatus(filter.Status), filter)
            : Filtered(source.Where(a => a.Status + "" == filter.Status), filter);
        return filter.Ascending
            ? rows.OrderBy(a => a.AtTicks).ThenBy(a => a.Device).ThenBy(a => a.Id)
            : rows.OrderByDescending(a => a.AtTicks).ThenBy(a => a.Device).ThenBy(a => a.Id);
    }

    private static string CountKey(ComplianceFilter f) =>
        string.Join('\u001f', "compliance-count", f.Status, f.From, f.To, f.Device?.Trim());

    /// <summary>
    /// The newest report per device in list order, sorted once per index version: newest first (or oldest first),
    /// then device names compared byte-wise as the database does (an unreadable report is dated by its day
    /// folder, so a report without a time is rare; it sorts oldest). A request then only filters and pages.
    /// </summary>
    private Task<IReadOnlyList<ComplianceReportRow>> LatestInOrderAsync(bool ascending) =>
        memo.GetOrAddAsync(ascending ? "compliance-latest-oldest-first" : "compliance-latest-newest-first", async () =>
        {
            var rows = (await latest.ByDeviceAsync()).Values;
            IReadOnlyList<ComplianceReportRow> ordered = ascending
                ? [.. rows.OrderBy(r => r.GeneratedAt?.UtcTicks).ThenBy(r => r.Device, StringComparer.Ordinal).ThenBy(r => r.Id)]
                : [.. rows.OrderByDescending(r => r.GeneratedAt?.UtcTicks).ThenBy(r => r.Device, StringComparer.Ordinal).ThenBy(r => r.Id)];
            return ordered;
        });

    /// <summary>The "latest only" view: the same filters as the SQL list, applied in memory to the ordered newest reports.</summary>
    private static PagedList<ComplianceReportRow> LatestPage(IReadOnlyList<ComplianceReportRow> ordered, ComplianceFilter filter, PageRequest page)
    {
        IEnumerable<ComplianceReportRow> rows = ordered;
        rows = filter.Status switch
        {
            null or "" => rows,
            ReadStatus.Unreadable => rows.Where(r => !r.Readable),
            var status => rows.Where(r => r.Status == status),
        };
        if (IndexQueries.Day(filter.From) is { } from)
        {
            var low = "compliance/" + from + "/";
            rows = rows.Where(r => string.CompareOrdinal(r.Path, low) >= 0);
        }

        if (IndexQueries.Day(filter.To) is { } to)
        {
            var high = "compliance/" + to + "0";
            rows = rows.Where(r => string.CompareOrdinal(r.Path, high) < 0);
        }

        if (!string.IsNullOrWhiteSpace(filter.Device))
        {
            var device = filter.Device.Trim();
            rows = rows.Where(r => r.Device is { } d && d.Contains(device, StringComparison.Ordinal));
        }

        return rows.ToPage(page);
    }

    /// <summary>The report with <paramref name="reportId"/>, or null when the id is malformed or unknown.</summary>
    public async Task<ArtifactDetail<ComplianceReportRow, ComplianceReport>?> ByIdAsync(string? reportId)
    {
        if (!ArtifactIds.IsValid(reportId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.OfKind(ArtifactKind.ComplianceReport).Where(a => a.Key == reportId).OrderByDescending(a => a.AtTicks)
            .Select(ArtifactProjections.ComplianceReport).FirstOrDefaultAsync();
        return row is null ? null : store.LoadDetail<ComplianceReportRow, ComplianceReport>(row);
    }

    /// <summary>A report by its file path (the only way to reach an unreadable report, which has no id).</summary>
    public async Task<ArtifactDetail<ComplianceReportRow, ComplianceReport>?> ByPathAsync(string? path)
    {
        if (path is null || !ReportPathPattern().IsMatch(path))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.OfKind(ArtifactKind.ComplianceReport).Where(a => a.Path == path)
            .Select(ArtifactProjections.ComplianceReport).FirstOrDefaultAsync();
        return row is null ? null : store.LoadDetail<ComplianceReportRow, ComplianceReport>(row);
    }

    [GeneratedRegex("^compliance/[0-9]{4}-[0-9]{2}-[0-9]{2}/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.json$")]
    private static partial Regex ReportPathPattern();
}

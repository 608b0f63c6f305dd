using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Compliance;

/// <summary>Filters of the compliance report list, all from the query string.</summary>
public sealed record ComplianceFilter(string? From, string? To, string? Device, string? Status, bool LatestOnly, bool Ascending);

/// <summary>One report file and what the store read from it (document or reason it is unreadable).</summary>
public sealed record ReportDetail(ArtifactRecord Record, ComplianceReport? Report, string? Problem);

/// <summary>
/// Compliance report queries over the index. "Latest" means the report with the newest generated_at
/// per device (ties broken by row id), the definition every page and summary card shares.
/// </summary>
public sealed partial class ComplianceQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, IndexVersionMemo memo)
{
    public const string Kind = nameof(ArtifactKind.ComplianceReport);

    /// <summary>The statuses a list can filter on: the contract's three plus "unreadable".</summary>
    public static readonly IReadOnlyList<string> Statuses = [.. ArtifactVocabulary.ComplianceStatuses, "unreadable"];

    public static IQueryable<ArtifactRecord> Reports(IndexDbContext db) => db.Artifacts.AsNoTracking().Where(a => a.Kind == Kind);

    /// <summary>
    /// The newest report of every device (one row per device). Written as "for each distinct device,
    /// the id of its newest report" so SQLite answers with one index seek per device instead of
    /// comparing every report with every other report of the same device.
    /// </summary>
    public static IQueryable<ArtifactRecord> Latest(IndexDbContext db)
    {
        var reports = Reports(db);
        // "?? string.Empty" only tells EF the key is never null (it is filtered), so the comparison
        // stays a plain equality that can seek the (Kind, Device, AtTicks) index.
        var newestIds = reports.Where(a => a.Device != null).GroupBy(a => a.Device).Select(g => g.Key ?? string.Empty)
            .Select(device => reports.Where(b => b.Device == device)
                .OrderByDescending(b => b.AtTicks).ThenByDescending(b => b.Id).Select(b => b.Id).First());
        return db.Artifacts.AsNoTracking().Where(a => newestIds.Contains(a.Id));
    }

    /// <summary>Reports of the day folders from <paramref name="from"/> to <paramref name="to"/> (inclusive),
    /// as a range over the unique path index.</summary>
    public static IQueryable<ArtifactRecord> InDays(IQueryable<ArtifactRecord> query, string? from, string? to)
    {
        if (Day(from) is { } f)
        {
            var low = "compliance/" + f + "/";
            query = query.Where(a => string.Compare(a.Path, low) >= 0);
        }

        if (Day(to) is { } t)
        {
            // '0' is the character after '/', so this bound ends right after the day folder.
            var high = "compliance/" + t + "0";
            query = query.Where(a => string.Compare(a.Path, high) < 0);
        }

        return query;
    }

    /// <summary>Filters by compliance status; "unreadable" selects files that could not be parsed.</summary>
    public static IQueryable<ArtifactRecord> WithStatus(IQueryable<ArtifactRecord> query, string? status) => status switch
    {
        null or "" => query,
        "unreadable" => query.Where(a => !a.Readable),
        // Status is only ever set from a parsed (readable) report, so no Readable test is needed: the
        // count then reads the (Kind, Status) index alone instead of every matching row (75,000 at scale).
        _ => query.Where(a => a.Status == status),
    };

    /// <summary>A day filter value (yyyy-MM-dd) or null when absent or malformed.</summary>
    public static string? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value : null;

    public async Task<PagedList<ArtifactRecord>> ListAsync(ComplianceFilter filter, PageRequest page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        IQueryable<ArtifactRecord> Filtered(IQueryable<ArtifactRecord> withStatus)
        {
            var query = InDays(withStatus, filter.From, filter.To);
            if (!string.IsNullOrWhiteSpace(filter.Device))
            {
                var device = filter.Device.Trim();
                query = query.Where(a => a.Device != null && a.Device.Contains(device));
            }

            return query;
        }

        var source = filter.LatestOnly ? Latest(db) : Reports(db);
        // The total is remembered per index version: counting 75,000 divergent reports on every request
        // was most of the list's time at scale, and the count only changes when the index does.
        var total = await memo.GetOrAddAsync(CountKey(filter), () => Filtered(WithStatus(source, filter.Status)).CountAsync());

        // The rows of the page: the status is compared as "Status || ''" so SQLite cannot pick the
        // (Kind, Status) index, which would sort every match (75,000 at scale); it walks the time index
        // and stops after one page instead. The count above keeps the covering (Kind, Status) index.
        var rows = string.IsNullOrEmpty(filter.Status) || filter.Status == "unreadable"
            ? Filtered(WithStatus(source, filter.Status))
            : Filtered(source.Where(a => a.Status + "" == filter.Status));
        rows = filter.Ascending
            ? rows.OrderBy(a => a.AtTicks).ThenBy(a => a.Device).ThenBy(a => a.Id)
            : rows.OrderByDescending(a => a.AtTicks).ThenBy(a => a.Device).ThenBy(a => a.Id);
        return new PagedList<ArtifactRecord>(await rows.Skip(page.Skip).Take(page.Size).ToListAsync(), total, page);
    }

    private static string CountKey(ComplianceFilter f) =>
        string.Join('\u001f', "compliance-count", f.LatestOnly ? "latest" : "all", f.Status, Day(f.From), Day(f.To), f.Device?.Trim());

    /// <summary>The report with <paramref name="reportId"/>, or null when the id is malformed or unknown.</summary>
    public async Task<ReportDetail?> ByIdAsync(string? reportId)
    {
        if (reportId is null || !ReportIdPattern().IsMatch(reportId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var record = await Reports(db).Where(a => a.Key == reportId).OrderByDescending(a => a.AtTicks).FirstOrDefaultAsync();
        return record is null ? null : Read(record);
    }

    /// <summary>A report by its file path (the only way to reach an unreadable report, which has no id).</summary>
    public async Task<ReportDetail?> ByPathAsync(string? path)
    {
        if (path is null || !ReportPathPattern().IsMatch(path))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var record = await Reports(db).FirstOrDefaultAsync(a => a.Path == path);
        return record is null ? null : Read(record);
    }

    /// <summary>The link to a report's detail page: by id when readable, by path otherwise.</summary>
    public static string DetailLink(ArtifactRecord report) =>
        report.Readable && !string.IsNullOrEmpty(report.Key)
            ? "/compliance-reports/" + Uri.EscapeDataString(report.Key)
            : "/compliance-reports/file?path=" + Uri.EscapeDataString(report.Path);

    private ReportDetail Read(ArtifactRecord record)
    {
        var loaded = store.Load(record.Path);
        if (loaded is null)
        {
            return new ReportDetail(record, null, "the file is no longer in the artifact root");
        }

        return new ReportDetail(record, loaded.As<ComplianceReport>(), loaded.Problem);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    internal static partial Regex ReportIdPattern();

    [GeneratedRegex("^compliance/[0-9]{4}-[0-9]{2}-[0-9]{2}/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.json$")]
    private static partial Regex ReportPathPattern();
}

/// <summary>Registers the compliance queries.</summary>
public static class ComplianceRegistration
{
    public static IServiceCollection AddComplianceQueries(this IServiceCollection services) => services.AddScoped<ComplianceQueries>();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Pages.Batches;
using OpsConsole.Web.Pages.Compliance;
using OpsConsole.Web.Pages.Incidents;

namespace OpsConsole.Web.Pages.Dashboard;

/// <summary>
/// Builds the dashboard from the index. Every number is computed with the same query as the list its
/// card links to, so a card and its list always agree.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, TimeProvider clock,
    IOptions<OpsConsoleOptions> options, IndexState state, DashboardCache cache)
{
    /// <summary>Reports whose divergences are shown in "newest divergences" (bounded file reads).</summary>
    public const int DivergenceReports = 5;

    public const int ListRows = 10;

    /// <summary>
    /// The dashboard for the current index version: its counts are computed once per index change
    /// (working out every device's newest report touches all 300,000 reports at scale); the age of the
    /// newest run is recomputed on every request from the clock.
    /// </summary>
    public async Task<DashboardView> BuildAsync()
    {
        var view = await cache.GetAsync(state.Version, ComputeAsync);
        var age = view.NewestReportAt is { } at ? clock.GetUtcNow() - at : (TimeSpan?)null;
        return view with { Age = age, Stale = age is null || age.Value > TimeSpan.FromHours(view.ThresholdHours) };
    }

    private async Task<DashboardView> ComputeAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var latestByStatus = await ComplianceQueries.Latest(db)
            .GroupBy(a => a.Readable ? a.Status : "unreadable")
            .Select(g => new { Status = g.Key ?? "unknown", Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count);
        var openBySeverity = await IncidentQueries.Filter(IncidentQueries.Incidents(db), null, "open", null)
            .GroupBy(a => a.Category)
            .Select(g => new { Severity = g.Key ?? "unknown", Count = g.Count() })
            .ToDictionaryAsync(x => x.Severity, x => x.Count);
        var approvals = await db.Artifacts.Where(a => a.Kind == nameof(ArtifactKind.Approval) && a.Readable)
            .GroupBy(a => a.Status).Select(g => new { State = g.Key ?? "unknown", Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count);
        var newestTicks = await NewestReadableTicksAsync(ComplianceQueries.Reports(db));
        var now = clock.GetUtcNow();
        var threshold = options.Value.FreshnessThresholdHours;
        var age = newestTicks is long t ? now - new DateTimeOffset(t, TimeSpan.Zero) : (TimeSpan?)null;

        return new DashboardView
        {
            Devices = await db.Devices.CountAsync(),
            LatestByStatus = latestByStatus,
            OpenIncidentsBySeverity = openBySeverity,
            ApprovalsPending = approvals.GetValueOrDefault(ApprovalStates.Pending),
            ApprovedNotApplied = approvals.GetValueOrDefault(ApprovalStates.Approved),
            LastBatch = await BatchQueries.NewestRunAsync(db),
            LatestRun = await LatestRunAsync(db),
            NewestDivergences = await NewestDivergencesAsync(db),
            OpenIncidents = await IncidentQueries.BySeverity(IncidentQueries.Filter(IncidentQueries.Incidents(db), null, "open", null))
                .Take(ListRows).ToListAsync(),
            NewestReportAt = newestTicks is long n ? new DateTimeOffset(n, TimeSpan.Zero) : null,
            Age = age,
            ThresholdHours = threshold,
            Stale = age is null || age.Value > TimeSpan.FromHours(threshold),
            UnreadableArtifacts = await db.Artifacts.CountAsync(a => !a.Readable),
            Root = store.Root,
        };
    }

    private static async Task<LatestRun?> LatestRunAsync(IndexDbContext db)
    {
        // The newest report (by time, index order) names the newest day folder.
        var day = await ComplianceQueries.Reports(db).OrderByDescending(a => a.AtTicks).Select(a => a.Day).FirstOrDefaultAsync();
        if (day is null)
        {
            return null;
        }

        var reports = ComplianceQueries.InDays(ComplianceQueries.Reports(db), day, day);
        var byStatus = await reports.GroupBy(a => a.Readable ? a.Status : "unreadable")
            .Select(g => new { Status = g.Key ?? "unknown", Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count);
        var at = await NewestReadableTicksAsync(reports);
        return new LatestRun(day, at is long t ? new DateTimeOffset(t, TimeSpan.Zero) : null, byStatus.Values.Sum(), byStatus);
    }

    /// <summary>Walks the time index from the newest end (MAX with a filter would scan every report).</summary>
    private static Task<long?> NewestReadableTicksAsync(IQueryable<ArtifactRecord> reports) =>
        reports.Where(a => a.Readable).OrderByDescending(a => a.AtTicks).Select(a => a.AtTicks).FirstOrDefaultAsync();

    private async Task<IReadOnlyList<DivergenceRow>> NewestDivergencesAsync(IndexDbContext db)
    {
        var newest = await ComplianceQueries.Latest(db).Where(a => a.Readable && a.Count > 0)
            .OrderByDescending(a => a.AtTicks).ThenBy(a => a.Device).Take(DivergenceReports).ToListAsync();
        return newest.Select(r => store.LoadDocument<ComplianceReport>(r.Path))
            .OfType<ComplianceReport>()
            .SelectMany(r => r.Divergences.Select(d => new DivergenceRow(r.Device.Name, r.ReportId, d)))
            .Take(ListRows).ToList();
    }
}

/// <summary>The newest compliance run (day folder): when, how many reports, and their statuses.</summary>
public sealed record LatestRun(string Day, DateTimeOffset? At, int Reports, IReadOnlyDictionary<string, int> ByStatus)
{
    public int Count(string status) => ByStatus.GetValueOrDefault(status);
}

/// <summary>Registers the dashboard queries.</summary>
public static class DashboardRegistration
{
    public static IServiceCollection AddDashboardQueries(this IServiceCollection services) =>
        services.AddScoped<DashboardQueries>().AddSingleton<DashboardCache>();
}

/// <summary>The last dashboard computed, keyed by <see cref="IndexState.Version"/>; one computation at a time.</summary>
public sealed class DashboardCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private sealed record Entry(long Version, DashboardView View);

    private Entry? _last;

    public async Task<DashboardView> GetAsync(long version, Func<Task<DashboardView>> compute)
    {
        if (Volatile.Read(ref _last) is { } hit && hit.Version == version)
        {
            return hit.View;
        }

        await _gate.WaitAsync();
        try
        {
            if (_last is { } again && again.Version == version)
            {
                return again.View;
            }

            // A change during the computation leaves the older version in the cache: the next request recomputes.
            var view = await compute();
            Volatile.Write(ref _last, new Entry(version, view));
            return view;
        }
        finally
        {
            _gate.Release();
        }
    }
}

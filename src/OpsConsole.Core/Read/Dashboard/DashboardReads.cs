using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Batches;
using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Incidents;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Dashboard;

/// <summary>Computes the dashboard's figures from the index (the caller caches them per index version).</summary>
public sealed class DashboardReads(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, IncidentReads incidents, BatchReads batches,
    ComplianceTrendReads trends)
{
    /// <summary>Reports whose divergences are shown in "newest divergences" (bounded file reads).</summary>
    public const int DivergenceReports = 5;

    /// <summary>Rows of each dashboard list.</summary>
    public const int ListRows = 10;

    /// <summary>
    /// Every figure of the dashboard; working out every device's newest report touches all 300,000
    /// reports at scale, so call it once per index version.
    /// </summary>
    public async Task<DashboardFigures> ComputeAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var approvals = await db.OfKind(ArtifactKind.Approval).Where(a => a.Readable)
            .GroupBy(a => a.Status).Select(g => new { State = g.Key ?? ReadStatus.Unknown, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count);
        var newestTicks = await db.OfKind(ArtifactKind.ComplianceReport).NewestReadableTicksAsync();
        var latestRun = await LatestRunAsync(db);
        return new DashboardFigures
        {
            Devices = await db.Devices.CountAsync(),
            LatestByStatus = await db.LatestReportPerDevice().CountByStatusAsync(),
            OpenIncidentsBySeverity = await incidents.OpenBySeverityAsync(),
            ApprovalsPending = approvals.GetValueOrDefault(ApprovalStates.Pending),
            ApprovedNotApplied = approvals.GetValueOrDefault(ApprovalStates.Approved),
            LastBatch = await batches.NewestRunAsync(),
            LatestRun = latestRun,
            LatestRunReview = latestRun is null ? null : await RunReviewReads.ForDayAsync(db, latestRun.Day),
            NewestDivergences = await NewestDivergencesAsync(db),
            OpenIncidents = await incidents.OpenAsync(null, ListRows),
            NewestReportAt = IndexTime.FromTicks(newestTicks),
            UnreadableArtifacts = await db.Artifacts.CountAsync(a => !a.Readable),
            Trend = await trends.ComputeAsync(),
        };
    }

    private static async Task<LatestRun?> LatestRunAsync(IndexDbContext db)
    {
        // The newest report (by time, index order) names the newest day folder.
        var reports = db.OfKind(ArtifactKind.ComplianceReport);
        var day = await reports.OrderByDescending(a => a.AtTicks).Select(a => a.Day).FirstOrDefaultAsync();
        if (day is null)
        {
            return null;
        }

        var ofDay = reports.InDays(day, day);
        var byStatus = await ofDay.CountByStatusAsync();
        return new LatestRun(day, IndexTime.FromTicks(await ofDay.NewestReadableTicksAsync()), byStatus.Values.Sum(), byStatus);
    }

    private async Task<IReadOnlyList<DivergenceRow>> NewestDivergencesAsync(IndexDbContext db)
    {
        var newest = await db.LatestReportPerDevice().Where(a => a.Readable && a.Count > 0)
            .OrderByDescending(a => a.AtTicks).ThenBy(a => a.Device).Take(DivergenceReports).Select(a => a.Path).ToListAsync();
        return newest.Select(store.LoadDocument<ComplianceReport>)
            .OfType<ComplianceReport>()
            .SelectMany(r => r.Divergences.Select(d => new DivergenceRow(r.Device.Name, r.ReportId, d)))
            .Take(ListRows).ToList();
    }
}

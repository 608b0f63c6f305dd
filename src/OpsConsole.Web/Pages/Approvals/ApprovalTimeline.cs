using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Pages.Approvals;

/// <summary>The batch plan an approval covers, as found (or not) under batches/plans/.</summary>
/// <param name="Path">Where the plan would be.</param>
/// <param name="Plan">The plan; null when missing or unreadable.</param>
/// <param name="Problem">Why it is unreadable; null when readable or missing.</param>
/// <param name="Exists">True when the file exists.</param>
public sealed record RelatedPlan(string Path, BatchPlan? Plan, string? Problem, bool Exists);

/// <summary>One run of the batch, from the index.</summary>
public sealed record RelatedResult(string Path, string RunId, string? Mode, string? Outcome, DateTimeOffset? StartedAt);

/// <summary>The device's newest compliance report, from the index.</summary>
public sealed record RelatedReport(string Path, string? Day, string? Status, bool Readable, string? Problem, DateTimeOffset? At);

/// <summary>Everything the timeline page shows for one approval id.</summary>
public sealed record ApprovalTimelineView(
    ApprovalEntry Entry,
    IReadOnlyList<ApprovalEntry> OtherCopies,
    RelatedPlan? Plan,
    IReadOnlyList<RelatedResult> Results,
    RelatedReport? Report,
    IReadOnlyList<StopConditionResult> StopConditions);

/// <summary>Assembles the timeline of one approval: the record, its checks and what it relates to.</summary>
public sealed partial class ApprovalTimeline(ApprovalOverview overview, IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, StopConditionEvaluator evaluator)
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex BatchIdPattern();

    /// <summary>True when <paramref name="batchId"/> is safe to put in a path or a link.</summary>
    public static bool IsSafeBatchId(string? batchId) => batchId is not null && BatchIdPattern().IsMatch(batchId);

    /// <summary>The view for <paramref name="id"/>, or null when no approval file carries it.</summary>
    public ApprovalTimelineView? Find(string id)
    {
        if (!ApprovalPaths.IsValidId(id))
        {
            return null;
        }

        var copies = overview.Find(id);
        if (copies.Count == 0)
        {
            return null;
        }

        // A readable copy whose folder matches its state first; the others are listed as copies.
        var main = copies.OrderBy(c => c.Record is null).ThenBy(c => c.Record?.State == c.FolderState ? 0 : 1)
            .ThenByDescending(c => c.Record?.History.Count ?? 0).First();
        var record = main.Record;
        if (record is null)
        {
            return new ApprovalTimelineView(main, copies.Where(c => c != main).ToList(), null, [], null, []);
        }

        var batch = IsSafeBatchId(record.BatchId) ? record.BatchId : null;
        using var db = dbFactory.CreateDbContext();
        return new ApprovalTimelineView(main, copies.Where(c => c != main).ToList(),
            batch is null ? null : Plan(batch), batch is null ? [] : Results(db, batch), Report(db, record.Device.Name),
            StopConditions(record));
    }

    private RelatedPlan Plan(string batch)
    {
        var path = $"batches/plans/{batch}.json";
        var loaded = store.Load(path);
        return new RelatedPlan(path, loaded?.As<BatchPlan>(), loaded?.Problem, loaded is not null);
    }

    private static List<RelatedResult> Results(IndexDbContext db, string batch)
    {
        var kind = nameof(ArtifactKind.BatchResult);
        return db.Artifacts.AsNoTracking().Where(a => a.Kind == kind && a.GroupKey == batch)
            .OrderByDescending(a => a.AtTicks).ThenBy(a => a.Path)
            .Select(a => new { a.Path, a.Key, a.Category, a.Status, a.AtTicks }).ToList()
            .Select(a => new RelatedResult(a.Path, a.Key ?? "", a.Category, a.Status, Ticks(a.AtTicks))).ToList();
    }

    private static RelatedReport? Report(IndexDbContext db, string device)
    {
        var kind = nameof(ArtifactKind.ComplianceReport);
        var row = db.Artifacts.AsNoTracking().Where(a => a.Kind == kind && a.Device == device)
            .OrderByDescending(a => a.Day).ThenByDescending(a => a.AtTicks).ThenBy(a => a.Path)
            .Select(a => new { a.Path, a.Day, a.Status, a.Readable, a.Problem, a.AtTicks }).FirstOrDefault();
        return row is null ? null : new RelatedReport(row.Path, row.Day, row.Status, row.Readable, row.Problem, Ticks(row.AtTicks));
    }

    // The one rule the CLI's approve refuses on (StopEvaluation.ForDeviceOrBatch), so page and CLI agree.
    private IReadOnlyList<StopConditionResult> StopConditions(ApprovalRecord record) =>
        evaluator.ForDeviceOrBatch(record.Device.Name, record.BatchId);

    private static DateTimeOffset? Ticks(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}

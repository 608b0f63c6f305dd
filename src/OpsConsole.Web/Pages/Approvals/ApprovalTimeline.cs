using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Approvals;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Web.Pages.Approvals;

/// <summary>Assembles the timeline of one approval from the read layer: the record, its checks and what it relates to.</summary>
public sealed class ApprovalTimeline(ApprovalReads reads, StopConditionEvaluator evaluator)
{
    /// <summary>True when <paramref name="batchId"/> is safe to put in a path or a link.</summary>
    public static bool IsSafeBatchId(string? batchId) => ArtifactIds.IsValid(batchId);

    /// <summary>The view for <paramref name="id"/>, or null when no approval file carries it.</summary>
    public async Task<ApprovalTimelineView?> FindAsync(string id)
    {
        if (!ApprovalPaths.IsValidId(id))
        {
            return null;
        }

        var copies = reads.Find(id);
        if (copies.Count == 0)
        {
            return null;
        }

        // A readable copy whose folder matches its state first; the others are listed as copies.
        var main = copies.OrderBy(c => c.Record is null).ThenBy(c => c.Record?.State == c.FolderState ? 0 : 1)
            .ThenByDescending(c => c.Record?.History.Count ?? 0).First();
        var others = copies.Where(c => c != main).ToList();
        var record = main.Record;
        if (record is null)
        {
            return new ApprovalTimelineView(main, others, null, [], null, []);
        }

        var batch = IsSafeBatchId(record.BatchId) ? record.BatchId : null;
        return new ApprovalTimelineView(main, others,
            batch is null ? null : reads.PlanOf(batch), batch is null ? [] : await reads.RunsOfBatchAsync(batch),
            await reads.NewestReportAsync(record.Device.Name), StopConditions(record));
    }

    // The one rule the CLI's approve refuses on (StopEvaluation.ForDeviceOrBatch), so page and CLI agree.
    private IReadOnlyList<StopConditionResult> StopConditions(ApprovalRecord record) =>
        evaluator.ForDeviceOrBatch(record.Device.Name, record.BatchId);
}

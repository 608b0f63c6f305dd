using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Batches;

/// <summary>Batch plans and runs from the index.</summary>
public sealed class BatchReads(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store)
{
    /// <summary>Runs shown on one detail page at most (a batch has a handful in practice).</summary>
    public const int MaxRuns = 200;

    /// <summary>One page of runs, newest first; the duration of each shown run is read from its file.</summary>
    public async Task<PagedList<BatchRunListItem>> ListAsync(BatchRunFilter filter, PageRequest page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.OfKind(ArtifactKind.BatchResult);
        if (!string.IsNullOrWhiteSpace(filter.Batch))
        {
            query = query.Where(a => a.GroupKey != null && a.GroupKey.Contains(filter.Batch));
        }

        if (!string.IsNullOrWhiteSpace(filter.Mode))
        {
            query = query.Where(a => a.Category == filter.Mode);
        }

        query = query.WithStatus(string.IsNullOrWhiteSpace(filter.Outcome) ? null : filter.Outcome);
        var runs = await query.OrderByDescending(a => a.AtTicks).ThenBy(a => a.Path).Select(ArtifactProjections.BatchRun).ToPageAsync(page);
        return runs.Select(r => new BatchRunListItem(r, store.LoadDocument<BatchResult>(r.Path)?.Duration));
    }

    /// <summary>The newest readable run of any batch, or null.</summary>
    public async Task<BatchRunRow?> NewestRunAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.NewestRunAsync() is { } record ? ArtifactProjections.Compiled.BatchRun(record) : null;
    }

    /// <summary>Runs of the batches named by <paramref name="batchIds"/>, newest first (at most <paramref name="count"/>).</summary>
    public async Task<IReadOnlyList<BatchRunRow>> RunsOfAsync(IReadOnlyCollection<string> batchIds, int count)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.OfKind(ArtifactKind.BatchResult).Where(a => a.GroupKey != null && batchIds.Contains(a.GroupKey))
            .OrderByDescending(a => a.AtTicks).Take(count).Select(ArtifactProjections.BatchRun).ToListAsync();
    }

    /// <summary>The batch page, or null when the id is malformed or nothing (plan, run, approval) names it.</summary>
    public async Task<BatchDetail?> DetailAsync(string? batchId)
    {
        if (!ArtifactIds.IsValid(batchId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var prefix = "batches/results/" + batchId + "-";
        var results = await db.OfKind(ArtifactKind.BatchResult)
            .Where(a => a.GroupKey == batchId || (!a.Readable && a.Path.StartsWith(prefix)))
            .OrderBy(a => a.AtTicks).ThenBy(a => a.Path).Take(MaxRuns).Select(ArtifactProjections.BatchRun).ToListAsync();
        var plan = await db.OfKind(ArtifactKind.BatchPlan).Where(a => a.Key == batchId).OrderBy(a => a.Path)
            .Select(ArtifactProjections.BatchPlan).FirstOrDefaultAsync();
        // A batch an approval names but that has no files yet still has a page (its empty state says where
        // the files would go), so links from approvals never lead to a 404.
        if (plan is null && results.Count == 0 && !await db.OfKind(ArtifactKind.Approval).AnyAsync(a => a.GroupKey == batchId))
        {
            return null;
        }

        return new BatchDetail(batchId!, plan is null ? null : store.LoadDetail<BatchPlanRow, BatchPlan>(plan),
            [.. results.Select(store.LoadDetail<BatchRunRow, BatchResult>)]);
    }
}

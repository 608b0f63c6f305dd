using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Batches;

/// <summary>One run in the execution history; <see cref="Duration"/> is read from the file (only for shown rows).</summary>
public sealed record BatchRunRow(ArtifactRecord Record, TimeSpan? Duration)
{
    /// <summary>The batch id: from the document, or guessed from the file name when the file is unreadable.</summary>
    public string? BatchId => Record.GroupKey;
}

/// <summary>One result file of a batch with its parsed document or the reason it is unreadable.</summary>
public sealed record BatchRun(ArtifactRecord Record, BatchResult? Result, string? Problem);

/// <summary>A batch: its plan (if any) and every run, oldest first.</summary>
public sealed record BatchDetail(string BatchId, ArtifactRecord? PlanRecord, BatchPlan? Plan, string? PlanProblem, IReadOnlyList<BatchRun> Runs);

/// <summary>
/// Batch plan and result queries. Results: Key = run_id, GroupKey = batch_id, Status = outcome,
/// Category = mode, Actor = operator, Title = blocked_reason, Count = items. Plans: Key = batch_id.
/// </summary>
public sealed partial class BatchQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store)
{
    public const string ResultKind = nameof(ArtifactKind.BatchResult);
    public const string PlanKind = nameof(ArtifactKind.BatchPlan);

    /// <summary>Runs shown on one detail page at most (a batch has a handful in practice).</summary>
    public const int MaxRuns = 200;

    public static IQueryable<ArtifactRecord> Results(IndexDbContext db) => db.Artifacts.AsNoTracking().Where(a => a.Kind == ResultKind);

    public async Task<PagedList<BatchRunRow>> ListAsync(string? batch, string? mode, string? outcome, PageRequest page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = Results(db);
        if (!string.IsNullOrWhiteSpace(batch))
        {
            query = query.Where(a => a.GroupKey != null && a.GroupKey.Contains(batch));
        }

        if (!string.IsNullOrWhiteSpace(mode))
        {
            query = query.Where(a => a.Category == mode);
        }

        if (outcome == "unreadable")
        {
            query = query.Where(a => !a.Readable);
        }
        else if (!string.IsNullOrWhiteSpace(outcome))
        {
            query = query.Where(a => a.Status == outcome);
        }

        var records = query.OrderByDescending(a => a.AtTicks).ThenBy(a => a.Path).ToPage(page);
        var rows = records.Items.Select(r => new BatchRunRow(r, store.LoadDocument<BatchResult>(r.Path)?.Duration)).ToList();
        return new PagedList<BatchRunRow>(rows, records.Total, records.Request);
    }

    /// <summary>The newest run of any batch, or null when there is none.</summary>
    public static Task<ArtifactRecord?> NewestRunAsync(IndexDbContext db) =>
        Results(db).Where(a => a.Readable).OrderByDescending(a => a.AtTicks).ThenByDescending(a => a.Id).FirstOrDefaultAsync();

    public async Task<BatchDetail?> DetailAsync(string? batchId)
    {
        if (batchId is null || !IdPattern().IsMatch(batchId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var prefix = "batches/results/" + batchId + "-";
        var results = await Results(db)
            .Where(a => a.GroupKey == batchId || (!a.Readable && a.Path.StartsWith(prefix)))
            .OrderBy(a => a.AtTicks).ThenBy(a => a.Path).Take(MaxRuns).ToListAsync();
        var plan = await db.Artifacts.AsNoTracking().Where(a => a.Kind == PlanKind && a.Key == batchId).OrderBy(a => a.Path).FirstOrDefaultAsync();
        // A batch an approval names but that has no files yet still has a page (its empty state says where
        // the files would go), so links from approvals never lead to a 404.
        var approvalKind = nameof(ArtifactKind.Approval);
        if (plan is null && results.Count == 0 && !await db.Artifacts.AnyAsync(a => a.Kind == approvalKind && a.GroupKey == batchId))
        {
            return null;
        }

        var runs = results.Select(r =>
        {
            var loaded = store.Load(r.Path);
            return new BatchRun(r, loaded?.As<BatchResult>(), loaded is null ? "the file is no longer in the artifact root" : loaded.Problem);
        }).ToList();
        var planFile = plan is null ? null : store.Load(plan.Path);
        return new BatchDetail(batchId, plan, planFile?.As<BatchPlan>(),
            plan is null ? null : planFile is null ? "the file is no longer in the artifact root" : planFile.Problem, runs);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex IdPattern();
}

/// <summary>Registers the batch queries.</summary>
public static class BatchRegistration
{
    public static IServiceCollection AddBatchQueries(this IServiceCollection services) => services.AddScoped<BatchQueries>();
}

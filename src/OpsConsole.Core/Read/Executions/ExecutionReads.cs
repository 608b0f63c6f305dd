using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Executions;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Executions;

/// <summary>
/// Execution logs and final validation reports from the index (kinds ExecutionLog and ExecutionReport; the columns
/// are described on <see cref="ExecutionFacets"/>): the list filtered and paged in SQL, newest first, one file by
/// name, and the files that name a batch, device, cycle or log. No file is opened.
/// </summary>
public sealed class ExecutionReads(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store)
{
    private const string LogKind = nameof(ArtifactKind.ExecutionLog);
    private const string ReportKind = nameof(ArtifactKind.ExecutionReport);

    /// <summary>The size cap of parsed artifacts (a larger log is read by pages on its own page).</summary>
    public long MaxBytes => store.MaxBytes;

    /// <summary>One page of execution files matching <paramref name="f"/>, newest first.</summary>
    public async Task<PagedList<ExecutionRow>> ListAsync(ExecutionFilter f, PageRequest page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = Executions(db);
        if (f.Kind is "log" or "report")
        {
            var kind = f.Kind == "log" ? LogKind : ReportKind;
            query = query.Where(a => a.Kind == kind);
        }

        query = f.Outcome switch
        {
            ExecutionOutcomes.Unknown => query.Where(a => !a.Readable || a.Status == null || a.Status == ExecutionOutcomes.Unknown),
            ExecutionOutcomes.Passed or ExecutionOutcomes.Failed or ExecutionOutcomes.Blocked => query.Where(a => a.Readable && a.Status == f.Outcome),
            _ => query,
        };
        foreach (var (kind, id) in new[] { ("batch", f.Batch), ("device", f.Device), ("cycle", f.Cycle) })
        {
            if (!string.IsNullOrWhiteSpace(id))
            {
                var token = ExecutionSubjects.Token(kind, id.Trim());
                query = query.Where(a => a.GroupKey != null && a.GroupKey.Contains(token));
            }
        }

        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var q = f.Query.Trim();
            query = query.Where(a => a.Path.Contains(q) || (a.GroupKey != null && a.GroupKey.Contains(q)) || (a.Title != null && a.Title.Contains(q)));
        }

        var rows = await query.OrderByDescending(a => a.AtTicks ?? a.MtimeTicks).ThenBy(a => a.Path)
            .Select(ArtifactProjections.Execution).ToPageAsync(page);
        return new PagedList<ExecutionRow>([.. rows.Items.Select(WithCap)], rows.Total, rows.Request);
    }

    /// <summary>The execution file at <paramref name="path"/> (<c>executions/&lt;name&gt;</c>), or null when it is not indexed.</summary>
    public async Task<ExecutionRow?> ByPathAsync(string path)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await Executions(db).Where(a => a.Path == path).Select(ArtifactProjections.Execution).FirstOrDefaultAsync();
        return row is null ? null : WithCap(row);
    }

    /// <summary>Execution files whose subjects name <paramref name="kind"/> <paramref name="id"/> (batch, device, cycle, log), newest first.</summary>
    public async Task<IReadOnlyList<ExecutionRow>> ConcerningAsync(string kind, string id, int max = 50)
    {
        var token = ExecutionSubjects.Token(kind, id);
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await Executions(db).Where(a => a.GroupKey != null && a.GroupKey.Contains(token))
            .OrderByDescending(a => a.AtTicks ?? a.MtimeTicks).ThenBy(a => a.Path).Take(max).Select(ArtifactProjections.Execution).ToListAsync();
        return [.. rows.Select(WithCap)];
    }

    /// <summary>The paths of the report that names the log at <paramref name="path"/>, and of the log <paramref name="namedLog"/> a report names.</summary>
    public async Task<IReadOnlyList<string>> CompanionPathsAsync(string path, string? namedLog)
    {
        var logToken = ExecutionSubjects.Token("log", path);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await Executions(db)
            .Where(a => (a.GroupKey != null && a.GroupKey.Contains(logToken)) || (namedLog != null && a.Path == namedLog))
            .Select(a => a.Path).ToListAsync();
    }

    private static IQueryable<ArtifactRecord> Executions(IndexDbContext db) =>
        db.Artifacts.AsNoTracking().Where(a => a.Kind == LogKind || a.Kind == ReportKind);

    private ExecutionRow WithCap(ExecutionRow row) => row with { TooLargeToSummarise = row.IsLog && row.Size > store.MaxBytes };
}

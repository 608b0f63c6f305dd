using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Executions;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Executions;

/// <summary>The filters of the execution list (all optional; empty means any).</summary>
public sealed record ExecutionFilter(string? Kind, string? Outcome, string? Batch, string? Device, string? Cycle, string? Query);

/// <summary>
/// The execution list over the index (kinds ExecutionLog and ExecutionReport; the columns are described on
/// <see cref="ExecutionFacets"/>): filtered and paged in SQL, newest first. No file is opened.
/// </summary>
public sealed partial class ExecutionQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store)
{
    public const string LogKind = nameof(ArtifactKind.ExecutionLog);
    public const string ReportKind = nameof(ArtifactKind.ExecutionReport);

    /// <summary>The size cap of parsed artifacts (a larger log is read by pages on its own page).</summary>
    public long MaxBytes => store.MaxBytes;

    public static IQueryable<ArtifactRecord> Executions(IndexDbContext db) =>
        db.Artifacts.AsNoTracking().Where(a => a.Kind == LogKind || a.Kind == ReportKind);

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

        var records = query.OrderByDescending(a => a.AtTicks ?? a.MtimeTicks).ThenBy(a => a.Path).ToPage(page);
        return new PagedList<ExecutionRow>([.. records.Items.Select(r => new ExecutionRow(r, store.MaxBytes))], records.Total, records.Request);
    }

    /// <summary>The index record of <c>executions/{name}</c>, or null when the name is not a plain file name or is not indexed.</summary>
    public async Task<ExecutionRow?> FindAsync(string? name)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            return null;
        }

        var path = "executions/" + name;
        await using var db = await dbFactory.CreateDbContextAsync();
        var record = await Executions(db).FirstOrDefaultAsync(a => a.Path == path);
        return record is null ? null : new ExecutionRow(record, store.MaxBytes);
    }

    /// <summary>Execution files whose subjects name <paramref name="kind"/> <paramref name="id"/> (batch, device, cycle), newest first.</summary>
    public async Task<IReadOnlyList<ExecutionRow>> ConcerningAsync(string kind, string id, int max = 50)
    {
        var token = ExecutionSubjects.Token(kind, id);
        await using var db = await dbFactory.CreateDbContextAsync();
        var records = await Executions(db).Where(a => a.GroupKey != null && a.GroupKey.Contains(token))
            .OrderByDescending(a => a.AtTicks ?? a.MtimeTicks).ThenBy(a => a.Path).Take(max).ToListAsync();
        return [.. records.Select(r => new ExecutionRow(r, store.MaxBytes))];
    }

    /// <summary>The console page of an execution file (<c>/executions/{name}</c>).</summary>
    public static string PageOf(string path) => "/executions/" + Uri.EscapeDataString(Path.GetFileName(path));

    /// <summary>True for a path the execution pages show (<c>executions/&lt;name&gt;.log|.json</c>).</summary>
    public static bool IsExecutionPath(string path) =>
        path.Split('/') is ["executions", var name] && NamePattern().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.(log|json)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>One execution file as the list shows it.</summary>
public sealed record ExecutionRow(ArtifactRecord Record, long MaxBytes)
{
    public bool IsLog => Record.Kind == ExecutionQueries.LogKind;

    /// <summary>The file name (the address of its page).</summary>
    public string Name => Path.GetFileName(Record.Path);

    /// <summary>Its page, or null for a name the page route cannot take (spaces, other characters): no broken link.</summary>
    public string? Href => ExecutionQueries.IsExecutionPath(Record.Path) ? ExecutionQueries.PageOf(Record.Path) : null;

    /// <summary>passed, failed, blocked or unknown; anything not readable is unknown.</summary>
    public string Outcome => Record.Readable && Record.Status is { } s ? s : ExecutionOutcomes.Unknown;

    /// <summary>A log over the size cap: not summarised by the index, but readable by pages on its page.</summary>
    public bool TooLargeToSummarise => IsLog && Record.Size > MaxBytes;

    public ExecutionSubjects Subjects => ExecutionSubjects.Decode(Record.GroupKey);

    /// <summary>The log's or report's own time, else the file's last write.</summary>
    public DateTimeOffset Time => new(Record.AtTicks ?? Record.MtimeTicks, TimeSpan.Zero);

    /// <summary>Subjects as one line for exports: <c>cycle:cycle-002 batch:BATCH-1</c>.</summary>
    public string SubjectText => (Record.GroupKey ?? "").Trim();
}

/// <summary>Registers the execution queries, the streaming log reader and its view component.</summary>
public static class ExecutionRegistration
{
    public static IServiceCollection AddExecutionQueries(this IServiceCollection services) =>
        services.AddScoped<ExecutionQueries>().AddScoped<ExecutionDetailQueries>().AddSingleton<LogLineIndexStore>().AddSingleton<ExecutionLogReader>();
}

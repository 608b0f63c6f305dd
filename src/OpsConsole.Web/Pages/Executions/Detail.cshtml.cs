using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Executions;
using OpsConsole.Core.Read.Executions;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Web.Pages.Executions;

/// <summary>
/// One execution file: a log by pages of numbered lines (filter <c>?q=</c>, <c>?page=&amp;size=</c>, <c>?from=</c>
/// line), or a final validation report as tables. A quarantined file shows its masked findings instead.
/// </summary>
public sealed class DetailModel(ExecutionReads reads, ExecutionDetailQueries details, ExecutionLogReader reader) : PageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "from")] public int? From { get; set; }

    public ExecutionRow Row { get; private set; } = null!;
    public QuarantineState Quarantine { get; private set; } = new(false, []);
    public IReadOnlyList<RelatedLink> Related { get; private set; } = [];
    public LogView? Log { get; private set; }
    public ReportView? Report { get; private set; }

    /// <summary>The outcome shown in the header.</summary>
    public string Outcome => Log?.Outcome ?? Row.OutcomeShown;

    /// <summary>The size cap of parsed artifacts: a larger file is not offered as a download.</summary>
    public long MaxBytes => reads.MaxBytes;

    public async Task<IActionResult> OnGetAsync(string name)
    {
        if (ExecutionLinks.PathOf(name) is not { } path || await reads.ByPathAsync(path) is not { } row)
        {
            return NotFound();
        }

        Row = row;
        Related = await details.RelatedAsync(row);
        if (row.IsLog)
        {
            if (reader.Index(row.Path) is not { } index)
            {
                return NotFound(); // indexed but gone or no longer allowed (e.g. replaced by a link outside the root)
            }

            Quarantine = details.QuarantineOf(row.Path, index);
            if (!Quarantine.Quarantined && index.InvalidUtf8Line is null)
            {
                Log = ReadLog(index);
            }
            else
            {
                Log = new LogView(index, new LogPage([], 0), null, 1, LogPaging.DefaultSize);
            }
        }
        else
        {
            Quarantine = details.QuarantineOf(row.Path, null);
            var (report, problem) = details.Report(row.Path);
            Report = Quarantine.Quarantined || report is null
                ? new ReportView(null, problem, [], [])
                : new ReportView(report, problem, ExecutionReportTables.Facts(report), ExecutionReportTables.Tables(report));
        }

        return Page();
    }

    private LogView ReadLog(LogLineIndex index)
    {
        var size = LogPaging.Size(PageSize);
        var query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim()[..Math.Min(Query.Trim().Length, ExecutionLogReader.MaxQueryLength)];
        var page = From is int line && query is null ? ((Math.Max(1, line) - 1) / size) + 1 : Math.Max(1, PageNumber ?? 1);
        if (query is null)
        {
            var lastPage = Math.Max(1, (int)Math.Ceiling(index.LineCount / (double)size));
            page = Math.Min(page, lastPage);
            var from = (int)Math.Min(int.MaxValue, ((long)(page - 1) * size) + 1);
            return new LogView(index, reader.Read(Row.Path, index, from, size), null, page, size);
        }

        var skip = (int)Math.Min(int.MaxValue, (long)(page - 1) * size);
        return new LogView(index, reader.Filter(Row.Path, index, query, skip, size), query, page, size);
    }
}

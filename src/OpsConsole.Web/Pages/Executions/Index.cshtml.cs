using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Executions;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Executions;

/// <summary>Every execution log and final validation report, newest first, filterable by kind, outcome and subject.</summary>
public sealed class IndexModel(ExecutionReads reads) : PageModel
{
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }
    [FromQuery(Name = "batch")] public string? Batch { get; set; }
    [FromQuery(Name = "device")] public string? Device { get; set; }
    [FromQuery(Name = "cycle")] public string? Cycle { get; set; }
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<ExecutionRow> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));

    public async Task<IActionResult> OnGetAsync()
    {
        var export = TableExport.IsExport(Format);
        var request = PageRequest.For(PageNumber, PageSize, export);
        Rows = await reads.ListAsync(new ExecutionFilter(Kind, Outcome, Batch, Device, Cycle, Query), request);
        if (export)
        {
            return TableExport.Create(Format!, "executions", ["name", "kind", "time", "outcome", "concerns", "size", "summary", "path", "problem"],
                Rows.Items.Select(r => (IReadOnlyList<string?>)[r.FileName, r.IsLog ? "log" : "report", r.Time.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
                    r.OutcomeShown, r.SubjectText, r.Size.ToString(CultureInfo.InvariantCulture), r.Title, r.Path, r.Problem]));
        }

        return Page();
    }
}

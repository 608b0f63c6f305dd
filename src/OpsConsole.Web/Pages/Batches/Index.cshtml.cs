using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Batches;

/// <summary>Execution history: every batch run, newest first, filterable by batch, mode and outcome.</summary>
public sealed class IndexModel(BatchQueries queries) : PageModel
{
    [FromQuery(Name = "batch")] public string? Batch { get; set; }
    [FromQuery(Name = "mode")] public string? Mode { get; set; }
    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<BatchRunRow> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = await queries.ListAsync(Batch, Mode, Outcome, PageRequest.From(PageNumber, PageSize));
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "batch-results",
                ["batch_id", "run_id", "mode", "outcome", "operator", "started_at", "duration_seconds", "items", "blocked_reason", "path", "problem"],
                Rows.Items.Select(r => (IReadOnlyList<string?>)[r.BatchId, r.Record.Key, r.Record.Category,
                    r.Record.Readable ? r.Record.Status : "unreadable", r.Record.Actor, Compliance.IndexModel.Iso(r.Record.AtTicks),
                    r.Duration?.TotalSeconds.ToString(CultureInfo.InvariantCulture), r.Record.Count?.ToString(CultureInfo.InvariantCulture),
                    r.Record.Title, r.Record.Path, r.Record.Problem]));
        }

        return Page();
    }
}

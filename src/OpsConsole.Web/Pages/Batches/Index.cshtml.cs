using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Batches;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Batches;

/// <summary>Execution history: every batch run, newest first, filterable by batch, mode and outcome.</summary>
public sealed class IndexModel(BatchReads reads) : PageModel
{
    [FromQuery(Name = "batch")] public string? Batch { get; set; }
    [FromQuery(Name = "mode")] public string? Mode { get; set; }
    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<BatchRunListItem> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = await reads.ListAsync(new BatchRunFilter(Batch, Mode, Outcome), PageRequest.For(PageNumber, PageSize, TableExport.IsExport(Format)));
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "batch-results",
                ["batch_id", "run_id", "mode", "outcome", "operator", "started_at", "duration_seconds", "items", "blocked_reason", "path", "problem"],
                Rows.Items.Select(i => (IReadOnlyList<string?>)[i.Run.BatchId, i.Run.RunId, i.Run.Mode, i.Run.OutcomeShown, i.Run.Operator,
                    IndexTime.Iso(i.Run.StartedAt), i.Duration?.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                    i.Run.Items?.ToString(CultureInfo.InvariantCulture), i.Run.BlockedReason, i.Run.Path, i.Run.Problem]));
        }

        return Page();
    }
}

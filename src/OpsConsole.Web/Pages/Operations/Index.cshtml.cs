using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Operations;

/// <summary>Every cycle with its overall status, current gate, blocked gates and start gate.</summary>
public sealed class IndexModel(OperationQueries queries) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<CycleRow> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));
    public string Root => queries.Root;

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = await queries.CyclesAsync(PageRequest.From(PageNumber, PageSize));
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "controlled-operation",
                ["cycle_id", "title", "status", "current_gate", "current_gate_status", "blocked_gates", "start_gate_status", "freeze_in_effect"],
                Rows.Items.Select(r => (IReadOnlyList<string?>)
                [
                    r.CycleId, r.Evaluation.Cycle?.Title, r.Evaluation.OverallStatus, r.Evaluation.CurrentGate?.GateId,
                    r.Evaluation.CurrentGate?.EffectiveStatus, string.Join(' ', r.Evaluation.BlockedGates.Select(g => g.GateId)),
                    r.StartGate?.EffectiveStatus, (r.Evaluation.FreezeGate is not null).ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
                ]));
        }

        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Incidents;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Incidents;

/// <summary>Incidents from the index, most severe first, filterable by severity, status and device.</summary>
public sealed class IndexModel(IncidentReads reads) : PageModel
{
    [FromQuery(Name = "severity")] public string? Severity { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "device")] public string? Device { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<IncidentRow> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = await reads.ListAsync(new IncidentFilter(Severity, Status, Device), PageRequest.For(PageNumber, PageSize, TableExport.IsExport(Format)));
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "incidents", ["incident_id", "title", "severity", "status", "device", "opened_at", "path", "problem"],
                Rows.Items.Select(r => (IReadOnlyList<string?>)[r.IncidentId, r.Title, r.Severity, r.StatusShown, r.Device,
                    IndexTime.Iso(r.OpenedAt), r.Path, r.Problem]));
        }

        return Page();
    }
}

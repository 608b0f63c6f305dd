using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Index;
using OpsConsole.Web.Pages.Compliance;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Incidents;

/// <summary>Incidents from the index, most severe first, filterable by severity, status and device.</summary>
public sealed class IndexModel(IncidentQueries queries) : PageModel
{
    [FromQuery(Name = "severity")] public string? Severity { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "device")] public string? Device { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<ArtifactRecord> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = await queries.ListAsync(Severity, Status, Device, PageRequest.From(PageNumber, PageSize));
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "incidents", ["incident_id", "title", "severity", "status", "device", "opened_at", "path", "problem"],
                Rows.Items.Select(a => (IReadOnlyList<string?>)[a.Key, a.Title, a.Category, a.Readable ? a.Status : "unreadable", a.Device,
                    Compliance.IndexModel.Iso(a.AtTicks), a.Path, a.Problem]));
        }

        return Page();
    }
}

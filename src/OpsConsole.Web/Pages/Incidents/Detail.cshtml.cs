using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Incidents;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Web.Pages.Incidents;

/// <summary>One incident by its incident_id.</summary>
public sealed class DetailModel(IncidentReads reads) : PageModel
{
    public ArtifactDetail<IncidentRow, Incident> Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var detail = await reads.ByIdAsync(id);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}

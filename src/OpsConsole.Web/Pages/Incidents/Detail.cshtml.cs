using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpsConsole.Web.Pages.Incidents;

/// <summary>One incident by its incident_id.</summary>
public sealed class DetailModel(IncidentQueries queries) : PageModel
{
    public IncidentDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var detail = await queries.ByIdAsync(id);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}

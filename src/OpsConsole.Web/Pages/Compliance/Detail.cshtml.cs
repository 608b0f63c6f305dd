using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpsConsole.Web.Pages.Compliance;

/// <summary>One compliance report by its report_id.</summary>
public sealed class DetailModel(ComplianceQueries queries) : PageModel
{
    public ReportDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reportId)
    {
        var detail = await queries.ByIdAsync(reportId);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}

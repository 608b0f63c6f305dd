using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Web.Pages.Compliance;

/// <summary>One compliance report by its report_id.</summary>
public sealed class DetailModel(ComplianceReportReads reads) : PageModel
{
    public ArtifactDetail<ComplianceReportRow, ComplianceReport> Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reportId)
    {
        var detail = await reads.ByIdAsync(reportId);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Web.Pages.Compliance;

/// <summary>One compliance report by its file path: how an unreadable report (no report_id) is reached.</summary>
public sealed class FileModel(ComplianceReportReads reads) : PageModel
{
    public ArtifactDetail<ComplianceReportRow, ComplianceReport> Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "path")] string? path)
    {
        var detail = await reads.ByPathAsync(path);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpsConsole.Web.Pages.Compliance;

/// <summary>One compliance report by its file path: how an unreadable report (no report_id) is reached.</summary>
public sealed class FileModel(ComplianceQueries queries) : PageModel
{
    public ReportDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "path")] string? path)
    {
        var detail = await queries.ByPathAsync(path);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}

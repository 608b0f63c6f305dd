using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>The validation dashboard: each item ok/missing/invalid with its reason, counts, time, next steps.</summary>
public sealed class ValidationModel(EngagementQueries queries) : PageModel
{
    public EngagementDeviceView View { get; private set; } = null!;

    [TempData] public string? Flash { get; set; }

    public int Count(string status) => View.Validation?.Results.Count(r => r.Status == status) ?? 0;

    public async Task<IActionResult> OnGetAsync(string device)
    {
        if (await queries.DeviceAsync(device) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}

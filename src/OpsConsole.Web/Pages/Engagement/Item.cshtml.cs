using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Engagement;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>The item editor as a plain page (no JavaScript needed); it posts to the device page.</summary>
public sealed class ItemModel(EngagementQueries queries) : PageModel
{
    public EngagementDeviceView View { get; private set; } = null!;
    public EngagementItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string device, string itemId)
    {
        if (!EngagementPaths.IsValidItemId(itemId) || await queries.DeviceAsync(device) is not { } view || view.Item(itemId) is not { } item)
        {
            return NotFound();
        }

        View = view;
        Item = item;
        return Page();
    }
}

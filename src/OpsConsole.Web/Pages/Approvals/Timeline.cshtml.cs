using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpsConsole.Web.Pages.Approvals;

/// <summary>
/// One approval's timeline: the record, its history, its checks, what it relates to, and the exact
/// CLI commands to decide it. The console shows the commands; it never decides.
/// </summary>
public sealed class TimelineModel(ApprovalTimeline timeline) : PageModel
{
    public ApprovalTimelineView View { get; private set; } = null!;

    /// <summary>The approval id from the route.</summary>
    public string Id { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await timeline.FindAsync(id) is not { } view)
        {
            return NotFound();
        }

        Id = view.Entry.Id;
        View = view;
        return Page();
    }

    /// <summary>The CLI command for <paramref name="action"/> on this record, installed-tool form or from the repo.</summary>
    public string Command(string action, string actorPlaceholder, string reasonPlaceholder, bool fromRepo) =>
        (fromRepo ? "dotnet run --project src/OpsConsole.Cli -- " : "opsconsole ")
        + $"approval {action} {Id} --actor \"{actorPlaceholder}\" --reason \"{reasonPlaceholder}\"";
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Handoff;
using OpsConsole.Core.StopConditions;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Handoff;

/// <summary>One handoff document rendered, with its sections, task count, download and related links.</summary>
public sealed class DocumentModel(HandoffReads queries, QuarantinedFiles quarantine) : PageModel
{
    public HandoffEntry Entry { get; private set; } = null!;
    public IReadOnlyList<HandoffEntry> Others { get; private set; } = [];
    public IReadOnlyList<string> Routes { get; private set; } = [];
    public IReadOnlyList<StopEvidence> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string doc)
    {
        if (queries.Find(doc) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Others = [.. (await queries.ListAsync()).Where(d => d.Path != entry.Path)];
        Routes = entry.Document is { } parsed ? HandoffLinks.LinkableRoutes(parsed) : [];
        Findings = entry.Quarantined ? quarantine.Findings(entry.Path) : [];
        return Page();
    }

    public string DownloadHref => "/download?path=" + Uri.EscapeDataString(Entry.Path);
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read.Handoff;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Pages.Handoff;

/// <summary>The handoff documents with their header facts and task counts.</summary>
public sealed class IndexModel(HandoffReads queries, ArtifactStore store) : PageModel
{
    public IReadOnlyList<HandoffEntry> Documents { get; private set; } = [];
    public string Root => store.Root;

    public async Task OnGetAsync() => Documents = await queries.ListAsync();
}

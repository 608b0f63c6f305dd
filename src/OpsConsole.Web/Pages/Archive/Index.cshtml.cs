using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Archive;
using OpsConsole.Core.Read;

namespace OpsConsole.Web.Pages.Archive;

/// <summary><c>/archive</c>: every bundle with its kind, period, entry count, creation time and whether it reads.</summary>
public sealed class IndexModel(ArchiveSnapshots snapshots) : PageModel
{
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }

    public ArchiveSnapshot Snapshot { get; private set; } = null!;
    public PagedList<ArchivedBundle> Bundles { get; private set; } = null!;

    public void OnGet()
    {
        Snapshot = snapshots.Current();
        var request = PageRequest.From(PageNumber, PageSize);
        // Newest period first: the recent past is what an operator looks for.
        var bundles = Snapshot.Bundles.Where(b => Kind is null || b.Name.Kind == Kind)
            .OrderByDescending(b => b.Name.Period, StringComparer.Ordinal).ThenBy(b => b.Name.Kind, StringComparer.Ordinal).ThenBy(b => b.Name.Version);
        Bundles = bundles.ToPage(request);
    }
}

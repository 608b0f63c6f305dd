using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Catalogue;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Artifacts;

/// <summary>The catalogue from the index: every file with kind, size, time, hash and parse status.</summary>
public sealed class IndexModel(CatalogueReads reads, ArtifactStore store) : PageModel
{
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "unreadable")] public bool UnreadableOnly { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<CatalogueRow> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));
    public IReadOnlyList<string> Kinds { get; private set; } = [];
    public int UnreadableTotal { get; private set; }
    public string Root => store.Root;

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = await reads.ListAsync(new CatalogueFilter(Kind, UnreadableOnly, Search), PageRequest.For(PageNumber, PageSize, TableExport.IsExport(Format)));
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "artifacts", ["path", "kind", "size", "modified_utc", "sha256", "readable", "problem"],
                Rows.Items.Select(a => (IReadOnlyList<string?>)[a.Path, a.Kind, a.Size.ToString(CultureInfo.InvariantCulture),
                    a.Modified.ToString("O", CultureInfo.InvariantCulture), a.Sha256, a.Readable ? "true" : "false", a.Problem]));
        }

        Kinds = await reads.KindsAsync();
        UnreadableTotal = await reads.UnreadableTotalAsync();
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Archive;
using OpsConsole.Core.Read;

namespace OpsConsole.Web.Pages.Archive;

/// <summary><c>/archive/{bundle}</c>: one bundle's entries, listed from its manifest (never from the entries), by pages.</summary>
public sealed class BundleModel(ArchivedRecords archive) : PageModel
{
    [FromQuery(Name = "device")] public string? Device { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }

    public ArchivedBundle Bundle { get; private set; } = null!;

    /// <summary>Entries of this page whose file is still in place (counted as live until the next archive run removes them).</summary>
    public IReadOnlySet<string> InPlace { get; private set; } = new HashSet<string>();

    /// <summary>Why the bundle cannot be read now; null when its manifest was read.</summary>
    public string? Problem { get; private set; }

    public PagedList<ArchiveEntry> Entries { get; private set; } = null!;

    public IActionResult OnGet(string bundle)
    {
        if (archive.Find(bundle) is not { } check)
        {
            return NotFound();
        }

        Bundle = ArchivedRecords.Summary(check, 0);
        Problem = check.IsReadable ? null : check.Problem ?? "unreadable";
        var request = PageRequest.From(PageNumber, PageSize);
        var entries = (check.Manifest?.Entries ?? []).Where(e => string.IsNullOrEmpty(Device) || string.Equals(e.Device, Device, StringComparison.Ordinal)).ToList();
        Entries = new PagedList<ArchiveEntry>([.. entries.Skip(request.Skip).Take(request.Size)], entries.Count, request);
        InPlace = archive.InPlace(Entries.Items.Select(e => e.Path));
        return Page();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Index;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Compliance;

/// <summary>Compliance reports from the index, filterable by day range, device and status.</summary>
public sealed class IndexModel(ComplianceQueries queries) : PageModel
{
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    [FromQuery(Name = "device")] public string? Device { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "latest")] public bool LatestOnly { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<ArtifactRecord> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));
    public bool Ascending => Sort == "date_asc";

    public async Task<IActionResult> OnGetAsync()
    {
        var filter = new ComplianceFilter(From, To, Device, Status, LatestOnly, Ascending);
        var page = TableExport.IsExport(Format) ? PageRequest.ForExport(PageNumber, PageSize) : PageRequest.From(PageNumber, PageSize);
        Rows = await queries.ListAsync(filter, page);
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "compliance-reports",
                ["day", "generated_at", "device", "report_id", "status", "max_severity", "divergences", "path", "problem"],
                Rows.Items.Select(a => (IReadOnlyList<string?>)[a.Day, Iso(a.AtTicks), a.Device, a.Readable ? a.Key : null,
                    a.Readable ? a.Status : "unreadable", a.Category, a.Count?.ToString(CultureInfo.InvariantCulture), a.Path, a.Problem]));
        }

        return Page();
    }

    internal static string? Iso(long? ticks) =>
        ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture) : null;
}

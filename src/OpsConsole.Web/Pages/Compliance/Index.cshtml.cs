using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Compliance;

/// <summary>Compliance reports from the index, filterable by day range, device and status.</summary>
public sealed class IndexModel(ComplianceReportReads reads) : PageModel
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

    public PagedList<ComplianceReportRow> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));
    public bool Ascending => Sort == "date_asc";

    public async Task<IActionResult> OnGetAsync()
    {
        var filter = new ComplianceFilter(From, To, Device, Status, LatestOnly, Ascending);
        if (TableExport.IsExport(Format))
        {
            // Up to 10,000 rows, read from the index while they are written: nothing holds the whole file.
            return TableExport.Stream(Format!, "compliance-reports",
                ["day", "generated_at", "device", "report_id", "status", "max_severity", "divergences", "path", "problem"],
                reads.StreamAsync(filter, PageRequest.ForExport(PageNumber, PageSize))
                    .Select(r => (IReadOnlyList<string?>)[r.Day, IndexTime.Iso(r.GeneratedAt), r.Device, r.ReportId,
                        r.StatusShown, r.MaxSeverity, r.Divergences?.ToString(CultureInfo.InvariantCulture), r.Path, r.Problem]));
        }

        Rows = await reads.ListAsync(filter, PageRequest.From(PageNumber, PageSize));
        return Page();
    }
}

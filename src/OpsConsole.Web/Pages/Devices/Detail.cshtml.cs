using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Devices;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Devices;

/// <summary>One device: identity, latest status, compliance history with changes, approvals, batches, incidents.</summary>
public sealed class DetailModel(DeviceReads reads) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public DeviceDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string name)
    {
        var detail = await reads.DetailAsync(name, PageRequest.For(PageNumber, PageSize, TableExport.IsExport(Format)));
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "device-" + name + "-history",
                ["day", "generated_at", "report_id", "status", "divergences", "added", "removed", "path"],
                detail.History.Items.Select(h => (IReadOnlyList<string?>)[h.Report.Day, IndexTime.Iso(h.Report.GeneratedAt),
                    h.Report.ReportId, h.Report.StatusShown, h.Report.Divergences?.ToString(CultureInfo.InvariantCulture),
                    h.Added?.Count.ToString(CultureInfo.InvariantCulture), h.Removed?.Count.ToString(CultureInfo.InvariantCulture), h.Report.Path]));
        }

        return Page();
    }
}

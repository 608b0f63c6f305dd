using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Devices;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Devices;

/// <summary>The inventory with each device's latest compliance status; search by name, filter by site, role, status.</summary>
public sealed class IndexModel(DeviceReads reads) : PageModel
{
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "site")] public string? Site { get; set; }
    [FromQuery(Name = "role")] public string? Role { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<DeviceRow> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));
    public IReadOnlyList<string> Sites { get; private set; } = [];
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = await reads.ListAsync(new DeviceFilter(Search, Site, Role, Status), PageRequest.For(PageNumber, PageSize, TableExport.IsExport(Format)));
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "devices", ["name", "site", "role", "platform", "tenant", "status", "latest_report_id", "latest_generated_at"],
                Rows.Items.Select(d => (IReadOnlyList<string?>)[d.Name, d.Site, d.Role, d.Platform, d.Tenant, d.Status,
                    d.Latest?.ReportId, IndexTime.Iso(d.Latest?.GeneratedAt)]));
        }

        (Sites, Roles) = await reads.FacetsAsync();
        return Page();
    }
}

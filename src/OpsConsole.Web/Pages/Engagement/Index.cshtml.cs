using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Engagement;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>Devices with an engagement package: team, due date, progress, validation status, overdue.</summary>
public sealed class IndexModel(EngagementQueries queries) : PageModel
{
    [FromQuery(Name = "team")] public string? Team { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<EngagementListRow> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));
    public IReadOnlyList<string> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var (rows, teams) = await queries.ListAsync(Team, Status);
        Teams = teams;
        var page = rows.ToPage(PageRequest.From(PageNumber, PageSize));
        Rows = page with { Items = page.Items.Select(queries.WithProgress).ToList() };
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "service-engagement", ["device", "team", "due_at", "answered", "required", "status", "overdue"],
                Rows.Items.Select(r => (IReadOnlyList<string?>)[r.Device, r.Team, r.DueAt?.ToString("O", CultureInfo.InvariantCulture),
                    r.Progress?.Answered.ToString(CultureInfo.InvariantCulture), r.Progress?.Required.ToString(CultureInfo.InvariantCulture),
                    r.Status, r.Overdue ? "true" : "false"]));
        }

        return Page();
    }
}

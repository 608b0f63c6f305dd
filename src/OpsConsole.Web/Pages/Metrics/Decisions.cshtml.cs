using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Approvals;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Metrics;

/// <summary>
/// The approval decisions audit view of the monthly review: who decided what, the refused self-approval attempts,
/// and the decisions taken while a stop condition held; filtered by month and actor, paged, exportable.
/// </summary>
public sealed class DecisionsModel(MonthlyReviewQueries monthly) : PageModel
{
    [FromQuery(Name = "month")] public string? Month { get; set; }
    [FromQuery(Name = "actor")] public string? Actor { get; set; }
    [FromQuery(Name = "only")] public string? Only { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public DecisionFilter Filter { get; private set; } = DecisionFilter.From(null, null, null);

    public DecisionsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var export = TableExport.IsExport(Format);
        Filter = DecisionFilter.From(Month, Actor, Only);
        View = await monthly.DecisionsAsync(Filter, PageRequest.For(PageNumber, PageSize, export), HttpContext.RequestAborted);
        if (!export)
        {
            return Page();
        }

        return TableExport.Create(Format!, "approval-decisions",
            ["at", "approval_id", "device", "from", "to", "actor", "outcome", "reason", "stop_conditions", "while_stop_condition", "source"],
            View.Rows.Items.Select(r => (IReadOnlyList<string?>)
            [
                LocalAt(r).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), r.ApprovalId, r.Device, r.From, r.To, r.Actor, r.Outcome,
                r.Reason, r.StopConditions, r.StopConditions is null ? "unknown" : r.WhileStopConditionHeld ? "true" : "false", r.Source,
            ]));
    }

    /// <summary>The row's time in the review's zone (the offset is shown).</summary>
    public DateTimeOffset LocalAt(DecisionLogRow row) => TimeZoneInfo.ConvertTime(row.At, View.Zone);
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Metrics;

/// <summary>
/// The runbook's "Track these" metrics, each linking to its rows, and the monthly review's approval trends
/// (paged newest month first; <c>?format=csv|json</c> exports that table, the board's one list).
/// </summary>
public sealed class IndexModel(MetricsQueries queries, MonthlyReviewQueries monthly) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public MetricsBoard Board { get; private set; } = null!;

    public ApprovalTrendsView Trends { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var export = TableExport.IsExport(Format);
        Trends = monthly.Trends(PageRequest.For(PageNumber, PageSize, export));
        if (export)
        {
            return TableExport.Create(Format!, "approval-trends",
                ["month", "decided", "approved", "rejected", "expired", "applied", "median_decision_days", "over_target", "target_days", "time_zone"],
                Trends.Months.Items.Select(m => (IReadOnlyList<string?>)
                [
                    m.Month, Number(m.Decided), Number(m.Approved), Number(m.Rejected), Number(m.Expired), Number(m.Applied),
                    m.MedianDays?.ToString("0.###", CultureInfo.InvariantCulture), Number(m.OverTarget), Number(Trends.TargetDays), Trends.Zone.Id,
                ]));
        }

        Board = await queries.BuildAsync();
        return Page();
    }

    /// <summary>A day count such as "5" or "2,5" in the user's culture.</summary>
    public static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.CurrentCulture) : "—";

    /// <summary>A ratio as a percentage in the user's culture.</summary>
    public static string Percent(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.CurrentCulture) : "—";

    /// <summary>An ISO date for query strings.</summary>
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

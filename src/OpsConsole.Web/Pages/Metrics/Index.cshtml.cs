using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpsConsole.Web.Pages.Metrics;

/// <summary>The runbook's "Track these" metrics, each linking to its rows.</summary>
public sealed class IndexModel(MetricsQueries queries) : PageModel
{
    public MetricsBoard Board { get; private set; } = null!;

    public async Task OnGetAsync() => Board = await queries.BuildAsync();

    /// <summary>A day count such as "5" or "2,5" in the user's culture.</summary>
    public static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.CurrentCulture) : "—";

    /// <summary>A ratio as a percentage in the user's culture.</summary>
    public static string Percent(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.CurrentCulture) : "—";

    /// <summary>An ISO date for query strings.</summary>
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

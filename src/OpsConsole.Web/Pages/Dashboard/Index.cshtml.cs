using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpsConsole.Web.Pages.Dashboard;

/// <summary>The NOC's first screen: summary cards, latest run, newest divergences, open incidents, freshness.</summary>
public sealed class IndexModel(DashboardQueries queries) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await queries.BuildAsync();
}

using Microsoft.AspNetCore.Mvc;

namespace OpsConsole.Web.Pages.Executions;

/// <summary>
/// The execution logs and reports that name a batch, device or cycle, for other pages (batch detail):
/// <c>@await Component.InvokeAsync("RelatedExecutions", new { kind = "batch", id })</c>.
/// </summary>
public sealed class RelatedExecutionsViewComponent(ExecutionQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string kind, string id) =>
        View("~/Pages/Executions/_RelatedExecutions.cshtml", await queries.ConcerningAsync(kind, id));
}

using Microsoft.AspNetCore.Mvc;
using OpsConsole.Core.Read.Executions;

namespace OpsConsole.Web.Pages.Executions;

/// <summary>
/// The execution logs and reports that name a batch, device or cycle, for other pages (batch detail):
/// <c>@await Component.InvokeAsync("RelatedExecutions", new { kind = "batch", id })</c>.
/// </summary>
public sealed class RelatedExecutionsViewComponent(ExecutionReads reads) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string kind, string id) =>
        View("~/Pages/Executions/_RelatedExecutions.cshtml", await reads.ConcerningAsync(kind, id));
}

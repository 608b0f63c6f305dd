using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Approvals;

/// <summary>The approval queue: every approval file by state, with age, expiry and consistency checks. Read-only.</summary>
public sealed class IndexModel(ApprovalQueue queue, ArtifactStore store) : PageModel
{
    [FromQuery(Name = "state")] public string? State { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "check")] public string? Check { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public ApprovalQueueFilter Filter { get; private set; } = ApprovalQueueFilter.From(null, null, null, null);
    public ApprovalQueueView View { get; private set; } = null!;
    public string Root => store.Root;

    public IActionResult OnGet()
    {
        Filter = ApprovalQueueFilter.From(State, Search, Sort, Check);
        View = queue.Query(Filter, PageRequest.For(PageNumber, PageSize, TableExport.IsExport(Format)));
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "approval-queue", ApprovalQueue.ExportColumns, View.Rows.Items.Select(ApprovalQueue.ExportRow));
        }

        return Page();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Read;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Audit;

/// <summary>The audit trail: filter by type, actor and UTC date range; paged; CSV/JSON export of what is shown.</summary>
public sealed class IndexModel(AuditQueries queries) : PageModel
{
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "actor")] public string? Actor { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<AuditEvent> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));
    public IReadOnlyList<string> Types { get; private set; } = [];
    public AuditVerification? Chain { get; private set; }

    /// <summary>The parsed dates (invalid input is ignored, and the field shows empty).</summary>
    public DateOnly? FromDay => AuditFilter.ParseDay(From);
    public DateOnly? ToDay => AuditFilter.ParseDay(To);

    public IActionResult OnGet()
    {
        var view = queries.Find(new AuditFilter(Type, Actor, FromDay, ToDay), PageRequest.From(PageNumber, PageSize));
        (Rows, Types, Chain) = (view.Rows, view.Types, view.Chain);
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "audit", ["at_utc", "type", "actor", "target", "source", "outcome", "detail"],
                Rows.Items.Select(e => (IReadOnlyList<string?>)[At(e).ToString("O", CultureInfo.InvariantCulture), e.Type, e.Actor, e.Target, e.Source, e.Outcome, e.Detail]));
        }

        return Page();
    }

    public static DateTimeOffset At(AuditEvent e) => new(e.AtTicks, TimeSpan.Zero);

    public static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

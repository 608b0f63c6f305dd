using System.Globalization;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Read;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Audit;

/// <summary>Filters of the audit trail; dates are whole UTC days, both ends inclusive.</summary>
public sealed record AuditFilter(string? Type, string? Actor, DateOnly? From, DateOnly? To)
{
    /// <summary>Parses a <c>yyyy-MM-dd</c> query value; anything else is ignored (null).</summary>
    public static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>What the audit page shows: one page of events, the types for the filter, and the chain check.</summary>
public sealed record AuditView(PagedList<AuditEvent> Rows, IReadOnlyList<string> Types, AuditVerification Chain);

/// <summary>Reads the audit store (written by Core's AuditLog from the web app and the CLI).</summary>
public sealed class AuditQueries(IAuditStore store)
{
    /// <summary>One page of events, newest first, the event types present, and whether the whole chain verifies.</summary>
    public AuditView Find(AuditFilter filter, PageRequest page)
    {
        long? from = filter.From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks : null;
        long? to = filter.To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks : null;
        var result = store.Find(new AuditQuery(filter.Type, filter.Actor, from, to, page.Skip, page.Size));

        // The whole chain, every view: a break must show even when the broken event is not on this page.
        return new AuditView(new PagedList<AuditEvent>(result.Items, result.Total, page), store.Types(), store.Verify());
    }
}

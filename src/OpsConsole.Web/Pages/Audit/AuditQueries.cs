using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Audit;

/// <summary>Filters of the audit trail; dates are whole UTC days, both ends inclusive.</summary>
public sealed record AuditFilter(string? Type, string? Actor, DateOnly? From, DateOnly? To)
{
    /// <summary>Parses a <c>yyyy-MM-dd</c> query value; anything else is ignored (null).</summary>
    public static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>Reads the audit_events table (written by Core's AuditLog from the web app and the CLI).</summary>
public sealed class AuditQueries(IDbContextFactory<IndexDbContext> dbFactory)
{
    /// <summary>One page of events, newest first, plus the event types present (for the filter).</summary>
    public async Task<(PagedList<AuditEvent> Rows, IReadOnlyList<string> Types)> FindAsync(AuditFilter filter, PageRequest page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            query = query.Where(e => e.Type == filter.Type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(e => e.Actor.Contains(filter.Actor));
        }

        if (filter.From is { } from)
        {
            var ticks = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks;
            query = query.Where(e => e.AtTicks >= ticks);
        }

        if (filter.To is { } to)
        {
            var ticks = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks;
            query = query.Where(e => e.AtTicks < ticks);
        }

        var rows = query.OrderByDescending(e => e.AtTicks).ThenByDescending(e => e.Id).ToPage(page);
        var types = await db.AuditEvents.Select(e => e.Type).Distinct().OrderBy(t => t).ToListAsync();
        return (rows, types);
    }
}

/// <summary>DI for the audit page.</summary>
public static class AuditServices
{
    public static IServiceCollection AddAuditQueries(this IServiceCollection services) => services.AddSingleton<AuditQueries>();
}

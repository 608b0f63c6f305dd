using System.Globalization;
using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Approvals;
using OpsConsole.Core.Shift;

namespace OpsConsole.Web.Pages.Metrics;

/// <summary>The approval trends per month as the board shows them: newest month first, one page of months.</summary>
/// <param name="Zone">The time zone months are counted in (the shift page's).</param>
/// <param name="TargetDays">The decision-time target (<c>OpsConsole:DecisionTargetDays</c>, the board's).</param>
/// <param name="Months">The page of months, newest first.</param>
/// <param name="Chart">Every month, oldest first (the chart shows the whole span).</param>
public sealed record ApprovalTrendsView(TimeZoneInfo Zone, int TargetDays, PagedList<MonthTrend> Months, IReadOnlyList<MonthTrend> Chart);

/// <summary>
/// The monthly review of the metrics board: approval trends per month and the decisions audit view, both from
/// <see cref="IDecidedApprovalSource"/> (the index today; archived decisions join there), months in the shift zone.
/// </summary>
public sealed class MonthlyReviewQueries(IDecidedApprovalSource approvals, ApprovalDecisionLog log, IOptions<OpsConsoleOptions> options, IOptions<ShiftOptions> shift)
{
    /// <summary>The zone months are counted in: <c>OpsConsole:Shift:TimeZone</c> (the server's zone when empty, as on /shift).</summary>
    public TimeZoneInfo Zone => shift.Value.Zone();

    /// <summary>The trends, one page of months (newest first).</summary>
    public ApprovalTrendsView Trends(PageRequest page)
    {
        var target = options.Value.DecisionTargetDays;
        var months = ApprovalMonthlyTrends.Compute(approvals.All(), Zone, target);
        return new ApprovalTrendsView(Zone, target, months.Reverse().ToPage(page), months);
    }

    /// <summary>The decisions audit view filtered by month (yyyy-MM in <see cref="Zone"/>), actor (substring) and kind.</summary>
    public async Task<DecisionsView> DecisionsAsync(DecisionFilter filter, PageRequest page, CancellationToken ct)
    {
        var zone = Zone;
        var all = await log.AllAsync(ct);
        var months = all.Select(r => ApprovalMonthlyTrends.MonthOf(r.At, zone)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Reverse().ToList();
        var rows = all.Where(r => filter.Month is null || ApprovalMonthlyTrends.MonthOf(r.At, zone) == filter.Month)
            .Where(r => string.IsNullOrWhiteSpace(filter.Actor) || r.Actor.Contains(filter.Actor.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(r => filter.Only switch
            {
                DecisionFilter.RefusedOnly => r.Outcome == ApprovalDecisionLog.Refused,
                DecisionFilter.WhileStopOnly => r.WhileStopConditionHeld,
                _ => true,
            });
        return new DecisionsView(zone, months, rows.ToPage(page));
    }
}

/// <summary>Filters of the decisions audit view.</summary>
/// <param name="Month">yyyy-MM, or null for every month.</param>
/// <param name="Actor">Part of the actor's name, or null.</param>
/// <param name="Only">null, <see cref="RefusedOnly"/> or <see cref="WhileStopOnly"/>.</param>
public sealed record DecisionFilter(string? Month, string? Actor, string? Only)
{
    /// <summary>Only the refused self-approval attempts.</summary>
    public const string RefusedOnly = "refused";

    /// <summary>Only the decisions taken while a stop condition held.</summary>
    public const string WhileStopOnly = "while-stop";

    /// <summary>The filter from query values; a malformed month or kind is ignored.</summary>
    public static DecisionFilter From(string? month, string? actor, string? only) => new(
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? month : null,
        string.IsNullOrWhiteSpace(actor) ? null : actor,
        only is RefusedOnly or WhileStopOnly ? only : null);
}

/// <summary>One page of the decisions audit view and the months it spans (newest first).</summary>
public sealed record DecisionsView(TimeZoneInfo Zone, IReadOnlyList<string> Months, PagedList<DecisionLogRow> Rows);

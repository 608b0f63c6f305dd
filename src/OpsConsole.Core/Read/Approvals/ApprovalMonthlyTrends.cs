using System.Globalization;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Read.Approvals;

/// <summary>The decisions of one calendar month.</summary>
/// <param name="Month">yyyy-MM, in the review's time zone.</param>
/// <param name="Approved">pending → approved.</param>
/// <param name="Rejected">pending → rejected.</param>
/// <param name="Expired">pending or approved → expired.</param>
/// <param name="Applied">approved → applied.</param>
/// <param name="DecisionDays">The decision times (days in pending) of the approvals and rejections of the month.</param>
/// <param name="MedianDays">Their median; null without any.</param>
/// <param name="OverTarget">Decision times longer than the target.</param>
public sealed record MonthTrend(string Month, int Approved, int Rejected, int Expired, int Applied, IReadOnlyList<double> DecisionDays, double? MedianDays, int OverTarget)
{
    /// <summary>Every decision of the month.</summary>
    public int Decided => Approved + Rejected + Expired + Applied;
}

/// <summary>
/// Approval trends per calendar month: decisions by outcome, the median decision time and how many took longer
/// than the target. A decision counts in the month of its history entry's time in <c>zone</c>. Decision time is
/// the board's definition: from the (last) entry into pending to the approval or rejection that left it; expiry
/// and mark-applied are counted but timed by nobody.
/// </summary>
public static class ApprovalMonthlyTrends
{
    private static readonly string[] Counted = [ApprovalStates.Approved, ApprovalStates.Rejected, ApprovalStates.Expired, ApprovalStates.Applied];

    /// <summary>One row per month from the first to the last month with a decision (months without one included), oldest first.</summary>
    public static IReadOnlyList<MonthTrend> Compute(IEnumerable<DecidedApproval> approvals, TimeZoneInfo zone, int targetDays)
    {
        var decisions = new List<(string Month, string To, double? Days)>();
        foreach (var approval in approvals)
        {
            var history = approval.History;
            for (var i = 0; i < history.Count; i++)
            {
                var entry = history[i];
                if (entry.From is null || !Counted.Contains(entry.To, StringComparer.Ordinal))
                {
                    continue;
                }

                double? days = null;
                if (entry.From == ApprovalStates.Pending && entry.To is ApprovalStates.Approved or ApprovalStates.Rejected)
                {
                    var entered = LastIndexBefore(history, i, h => h.To == ApprovalStates.Pending);
                    days = entered < 0 ? null : (entry.At - history[entered].At).TotalDays;
                }

                decisions.Add((MonthOf(entry.At, zone), entry.To, days));
            }
        }

        if (decisions.Count == 0)
        {
            return [];
        }

        var byMonth = decisions.ToLookup(d => d.Month, StringComparer.Ordinal);
        var first = DateOnly.ParseExact(decisions.Min(d => d.Month)! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(decisions.Max(d => d.Month)! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var months = new List<MonthTrend>();
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            var key = m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var of = byMonth[key].ToList();
            var days = of.Where(d => d.Days is not null).Select(d => d.Days!.Value).Order().ToList();
            months.Add(new MonthTrend(key, Count(of, ApprovalStates.Approved), Count(of, ApprovalStates.Rejected), Count(of, ApprovalStates.Expired),
                Count(of, ApprovalStates.Applied), days, Median(days), days.Count(d => d > targetDays)));
        }

        return months;
    }

    /// <summary>The calendar month (yyyy-MM) of <paramref name="at"/> in <paramref name="zone"/>.</summary>
    public static string MonthOf(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Median of sorted values; the mean of the two middle ones for an even count; null when empty.</summary>
    public static double? Median(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static int Count(List<(string Month, string To, double? Days)> of, string to) => of.Count(d => d.To == to);

    private static int LastIndexBefore(IReadOnlyList<ApprovalHistoryEntry> history, int before, Func<ApprovalHistoryEntry, bool> match)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (match(history[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

namespace OpsConsole.Web.Pages.Metrics;

/// <summary>One decided approval: how long it sat in pending.</summary>
public sealed record DecisionSample(string ApprovalId, string Decision, double Days);

/// <summary>Approval decision time (runbook: under a week).</summary>
public sealed record DecisionTimeMetric(IReadOnlyList<DecisionSample> Samples, double? MedianDays, double? P90Days, int OverTarget, int WaitingOverTarget, int TargetDays)
{
    public int Decided => Samples.Count;
}

/// <summary>Real batch runs and how many succeeded (runbook target: 100%).</summary>
public sealed record BatchSuccessMetric(int Runs, int Succeeded, int Failed, int Blocked)
{
    /// <summary>Succeeded / runs, or null without runs.</summary>
    public double? Rate => Runs == 0 ? null : Succeeded / (double)Runs;
}

/// <summary>Compliance reports per day over a window ending today (UTC); a day without reports is a gap.</summary>
public sealed record ComplianceFrequencyMetric(IReadOnlyList<(DateOnly Day, int Reports)> Days)
{
    public DateOnly From => Days[0].Day;
    public DateOnly To => Days[^1].Day;
    public IReadOnlyList<DateOnly> Gaps => [.. Days.Where(d => d.Reports == 0).Select(d => d.Day)];
}

/// <summary>Unresolved incidents of one severity, by age bucket (&lt;1 d, 1–7 d, 7–30 d, &gt;30 d).</summary>
public sealed record IncidentBacklogRow(string Severity, IReadOnlyList<int> ByAge)
{
    public int Total => ByAge.Sum();
}

/// <summary>Engagement completion of one team: devices with a package, and those whose validation passed.</summary>
public sealed record EngagementTeamRow(string Team, int Devices, int Complete)
{
    public double Rate => Devices == 0 ? 0 : Complete / (double)Devices;
}

/// <summary>Everything the metrics board shows, computed at <see cref="At"/>.</summary>
public sealed record MetricsBoard(
    DateTimeOffset At,
    DecisionTimeMetric Decisions,
    BatchSuccessMetric Batches,
    ComplianceFrequencyMetric Compliance,
    IReadOnlyList<IncidentBacklogRow> Incidents,
    IReadOnlyList<EngagementTeamRow> Engagement);

/// <summary>Order statistics used by the board.</summary>
public static class MetricMath
{
    /// <summary>Median; the mean of the two middle values for an even count; null when empty.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count == 0 ? null : v.Count % 2 == 1 ? v[v.Count / 2] : (v[(v.Count / 2) - 1] + v[v.Count / 2]) / 2;
    }

    /// <summary>Nearest-rank percentile (<paramref name="p"/> in (0, 1]): the smallest value with at least p of the values at or below it.</summary>
    public static double? Percentile(IEnumerable<double> values, double p)
    {
        var v = values.Order().ToList();
        return v.Count == 0 ? null : v[Math.Clamp((int)Math.Ceiling(p * v.Count) - 1, 0, v.Count - 1)];
    }

    /// <summary>Index of the age bucket: 0 under a day, 1 under a week, 2 under 30 days, 3 older.</summary>
    public static int AgeBucket(TimeSpan age) => age.TotalDays < 1 ? 0 : age.TotalDays < 7 ? 1 : age.TotalDays < 30 ? 2 : 3;
}

using System.Globalization;

namespace OpsConsole.Demo;

/// <summary>What to generate: how many devices and days, where, from which seed, ending on which day.</summary>
internal sealed record DemoOptions(int Devices, int Days, string OutputDir, int Seed, DateOnly EndDate)
{
    /// <summary>The scenario names 25 curated devices (approvals, incidents, engagement refer to them).</summary>
    public const int MinDevices = 25;

    /// <summary>The default last day of the demo (the day the console was handed to the NOC).</summary>
    public static readonly DateOnly DefaultEndDate = new(2026, 11, 22);

    /// <summary>Why these options cannot be used, or null when they can.</summary>
    public string? Problem =>
        Devices < MinDevices ? $"--devices must be at least {MinDevices} (the scenario uses 25 named devices); got {Devices}"
        : Devices > 1_000_000 ? $"--devices must be at most 1000000; got {Devices}"
        : Days < 1 ? $"--days must be at least 1; got {Days}"
        : Days > 3660 ? $"--days must be at most 3660; got {Days}"
        : null;
}

/// <summary>
/// Every time in the demo is relative to the last day, so the tree does not depend on when it is
/// generated. The NOC works in São Paulo time (-03:00); CI jobs stamp their output in UTC.
/// </summary>
internal sealed class DemoClock(DateOnly endDate)
{
    public static readonly TimeSpan Noc = TimeSpan.FromHours(-3);

    public DateOnly EndDate => endDate;

    /// <summary>A NOC-local time <paramref name="daysBefore"/> days before the last day.</summary>
    public DateTimeOffset At(int daysBefore, int hour, int minute, int second = 0) =>
        new(endDate.AddDays(-daysBefore).ToDateTime(new TimeOnly(hour, minute, second)), Noc);

    /// <summary>The same instant expressed in UTC (serialized as <c>Z</c>).</summary>
    public static DateTimeOffset Utc(DateTimeOffset time) => time.ToUniversalTime();

    /// <summary>The calendar day <paramref name="daysBefore"/> days before the last day.</summary>
    public DateOnly Day(int daysBefore) => endDate.AddDays(-daysBefore);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero
            ? time.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A log-line timestamp (NOC local, milliseconds).</summary>
    public static string Log(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture);
}

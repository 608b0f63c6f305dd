using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Devices;

/// <summary>One run day of a device's strip: its status word and the report (null when there is none that day).</summary>
public sealed record StripDay(string Day, string Status, ComplianceReportRow? Report);

/// <summary>
/// A device's compliance status on each retained run day, oldest first: the report's status, "unreadable",
/// "unknown" (a readable report without a known status) or "missing" (no report that day, never compliant).
/// </summary>
public sealed record DeviceStrip(IReadOnlyList<StripDay> Days)
{
    /// <summary>The status of a run day without a report of the device.</summary>
    public const string Missing = "missing";

    /// <summary>Every status a cell can have, in the order summaries list them.</summary>
    public static readonly IReadOnlyList<string> Statuses =
        [ComplianceStatus.Compliant, ComplianceStatus.Divergent, ComplianceStatus.Error, ReadStatus.Unreadable, ReadStatus.Unknown, Missing];

    /// <summary>How many days had <paramref name="status"/>.</summary>
    public int Count(string status) => Days.Count(d => d.Status == status);

    /// <summary>
    /// The strip over <paramref name="days"/> (oldest first) from the device's <paramref name="reports"/> of those
    /// days, newest first: the newest report of a day is the day's.
    /// </summary>
    public static DeviceStrip From(IReadOnlyList<string> days, IEnumerable<ComplianceReportRow> reports)
    {
        var byDay = new Dictionary<string, ComplianceReportRow>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            if (report.Day is { } day)
            {
                byDay.TryAdd(day, report);
            }
        }

        return new DeviceStrip([.. days.Select(d => byDay.TryGetValue(d, out var r) ? new StripDay(d, StatusOf(r), r) : new StripDay(d, Missing, null))]);
    }

    private static string StatusOf(ComplianceReportRow report) =>
        report.StatusShown is ComplianceStatus.Compliant or ComplianceStatus.Divergent or ComplianceStatus.Error or ReadStatus.Unreadable
            ? report.StatusShown
            : ReadStatus.Unknown;
}

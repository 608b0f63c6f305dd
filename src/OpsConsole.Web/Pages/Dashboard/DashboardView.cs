using OpsConsole.Core.Index;
using OpsConsole.Web.Pages.Compliance;

namespace OpsConsole.Web.Pages.Dashboard;

/// <summary>What the dashboard shows.</summary>
public sealed record DashboardView
{
    /// <summary>Devices in the inventory.</summary>
    public int Devices { get; init; }

    /// <summary>Devices by the status of their newest report ("unreadable" when that file is broken).</summary>
    public required IReadOnlyDictionary<string, int> LatestByStatus { get; init; }

    public required IReadOnlyDictionary<string, int> OpenIncidentsBySeverity { get; init; }
    public int ApprovalsPending { get; init; }
    public int ApprovedNotApplied { get; init; }
    public ArtifactRecord? LastBatch { get; init; }
    public LatestRun? LatestRun { get; init; }
    public required IReadOnlyList<DivergenceRow> NewestDivergences { get; init; }
    public required IReadOnlyList<ArtifactRecord> OpenIncidents { get; init; }
    public DateTimeOffset? NewestReportAt { get; init; }
    public TimeSpan? Age { get; init; }
    public int ThresholdHours { get; init; }

    /// <summary>True when the newest compliance run is older than the threshold, or there is none.</summary>
    public bool Stale { get; init; }

    public int UnreadableArtifacts { get; init; }
    public string Root { get; init; } = "";

    /// <summary>Devices that have at least one report.</summary>
    public int ReportedDevices => LatestByStatus.Values.Sum();

    public int Latest(string status) => LatestByStatus.GetValueOrDefault(status);

    public int OpenIncidentTotal => OpenIncidentsBySeverity.Values.Sum();

    /// <summary>Share of reported devices whose newest report is compliant, or null with no reports.</summary>
    public double? CompliantShare => ReportedDevices == 0 ? null : Latest("compliant") / (double)ReportedDevices;
}

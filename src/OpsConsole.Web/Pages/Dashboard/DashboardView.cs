using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Dashboard;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Web.Pages.Dashboard;

/// <summary>What the dashboard shows: the read layer's figures plus freshness against the configured threshold.</summary>
public sealed record DashboardView
{
    public required DashboardFigures Figures { get; init; }
    public TimeSpan? Age { get; init; }
    public int ThresholdHours { get; init; }

    /// <summary>True when the newest compliance run is older than the threshold, or there is none.</summary>
    public bool Stale { get; init; }

    public string Root { get; init; } = "";

    public int Devices => Figures.Devices;
    public IReadOnlyDictionary<string, int> OpenIncidentsBySeverity => Figures.OpenIncidentsBySeverity;
    public int ApprovalsPending => Figures.ApprovalsPending;
    public int ApprovedNotApplied => Figures.ApprovedNotApplied;
    public BatchRunRow? LastBatch => Figures.LastBatch;
    public LatestRun? LatestRun => Figures.LatestRun;
    public IReadOnlyList<DivergenceRow> NewestDivergences => Figures.NewestDivergences;
    public IReadOnlyList<IncidentRow> OpenIncidents => Figures.OpenIncidents;
    public DateTimeOffset? NewestReportAt => Figures.NewestReportAt;
    public int UnreadableArtifacts => Figures.UnreadableArtifacts;

    /// <summary>Devices that have at least one report.</summary>
    public int ReportedDevices => Figures.LatestByStatus.Values.Sum();

    public int Latest(string status) => Figures.LatestByStatus.GetValueOrDefault(status);

    public int OpenIncidentTotal => Figures.OpenIncidentsBySeverity.Values.Sum();

    /// <summary>
    /// The latest run day of the trend and the one before it (null with one run); null without runs. The wall view
    /// shows this much of the trend: today's share against yesterday's.
    /// </summary>
    public (TrendDay Latest, TrendDay? Previous)? RunShares => Figures.Trend.Days switch
    {
        [] => null,
        [var only] => (only, null),
        [.., var previous, var latest] => (latest, previous),
    };

    /// <summary>Share of reported devices whose newest report is compliant, or null with no reports.</summary>
    public double? CompliantShare => ReportedDevices == 0 ? null : Latest("compliant") / (double)ReportedDevices;
}

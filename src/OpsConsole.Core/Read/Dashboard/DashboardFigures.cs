using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Dashboard;

/// <summary>
/// The dashboard's figures for one index version. Every number is computed with the same query pieces
/// as the list its card links to, so a card and its list always agree.
/// </summary>
public sealed record DashboardFigures
{
    /// <summary>Devices in the inventory.</summary>
    public int Devices { get; init; }

    /// <summary>Devices by the status of their newest report ("unreadable" when that file is broken).</summary>
    public required IReadOnlyDictionary<string, int> LatestByStatus { get; init; }

    public required IReadOnlyDictionary<string, int> OpenIncidentsBySeverity { get; init; }
    public int ApprovalsPending { get; init; }
    public int ApprovedNotApplied { get; init; }
    public BatchRunRow? LastBatch { get; init; }
    public LatestRun? LatestRun { get; init; }

    /// <summary>Whether the latest run was reviewed (null when there is no run).</summary>
    public RunReview? LatestRunReview { get; init; }
    public required IReadOnlyList<DivergenceRow> NewestDivergences { get; init; }
    public required IReadOnlyList<IncidentRow> OpenIncidents { get; init; }

    /// <summary>generated_at of the newest readable report; null when there is none.</summary>
    public DateTimeOffset? NewestReportAt { get; init; }

    /// <summary>Files of any kind the console could not read.</summary>
    public int UnreadableArtifacts { get; init; }

    /// <summary>The compliant share per run day and per site, and what changed since the run before.</summary>
    public required ComplianceTrend Trend { get; init; }
}

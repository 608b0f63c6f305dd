namespace OpsConsole.Core.Read.Dashboard;

/// <summary>
/// The statuses of the devices a share is taken over (one run, or one site in the latest run). Unreadable
/// reports and readable ones without a known status are <see cref="Unknown"/>; an expected device without a
/// report is <see cref="Missing"/>. Neither ever counts as compliant.
/// </summary>
public sealed record StatusTally(int Compliant, int Divergent, int Error, int Unknown, int Missing)
{
    /// <summary>Every device the share is taken over: reported or missing.</summary>
    public int Expected => Compliant + Divergent + Error + Unknown + Missing;

    /// <summary>Compliant devices over <see cref="Expected"/>; null when nothing was expected.</summary>
    public double? CompliantShare => Expected == 0 ? null : Compliant / (double)Expected;
}

/// <summary>One run day of the trend: the statuses of its reports and the inventory devices without one.</summary>
public sealed record TrendDay(string Day, StatusTally Tally);

/// <summary>One site of the inventory in the latest run.</summary>
public sealed record SiteShare(string Site, StatusTally Tally);

/// <summary>One divergence field that diverges newly in the latest run, and on which devices.</summary>
public sealed record FieldChange(string Field, IReadOnlyList<string> Devices);

/// <summary>
/// "Since yesterday": the latest run compared with the run before it, device by device.
/// </summary>
/// <param name="LatestDay">The latest run day.</param>
/// <param name="PreviousDay">The run day before it.</param>
/// <param name="NewlyDivergent">Devices divergent in the latest run that the run before did not show divergent (by name).</param>
/// <param name="BackToCompliant">Devices compliant in the latest run that were divergent or in error the run before (by name).</param>
/// <param name="NewFields">Fields diverging in the latest run that did not diverge for the same device the run before, most devices first.</param>
public sealed record SinceYesterday(
    string LatestDay,
    string PreviousDay,
    IReadOnlyList<string> NewlyDivergent,
    IReadOnlyList<string> BackToCompliant,
    IReadOnlyList<FieldChange> NewFields);

/// <summary>The dashboard's trend figures for one index version.</summary>
/// <param name="Days">The retained run days, oldest first.</param>
/// <param name="Sites">The inventory's sites in the latest run, worst compliant share first.</param>
/// <param name="SinceYesterday">The latest run against the one before; null with fewer than two runs.</param>
public sealed record ComplianceTrend(IReadOnlyList<TrendDay> Days, IReadOnlyList<SiteShare> Sites, SinceYesterday? SinceYesterday)
{
    /// <summary>No run at all.</summary>
    public static readonly ComplianceTrend Empty = new([], [], null);
}

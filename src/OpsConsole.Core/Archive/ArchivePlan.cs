namespace OpsConsole.Core.Archive;

/// <summary>A file an archive command would move, with the period (bundle) it belongs to.</summary>
/// <param name="Path">Root-relative path.</param>
/// <param name="Period">Day (compliance) or month (approvals).</param>
public sealed record ArchiveCandidate(string Path, string Period);

/// <summary>A file left in place, and why (it changed during archiving, or differs from its archived copy).</summary>
/// <param name="Path">Root-relative path.</param>
/// <param name="Reason">Plain-language reason.</param>
public sealed record LeftInPlace(string Path, string Reason);

/// <summary>
/// What an archive run will do, worked out before anything changes (and all a dry run prints): per period, the files
/// still in place that a complete bundle already holds byte for byte (removed: the recovery of an interrupted run),
/// the files that go into a new bundle, and the files left in place.
/// </summary>
/// <param name="Kind">Bundle kind.</param>
/// <param name="Periods">One entry per period, in order.</param>
/// <param name="Unreadable">Existing bundles of these periods that do not read (never used for recovery), with the reason.</param>
public sealed record ArchivePlan(string Kind, IReadOnlyList<PeriodPlan> Periods, IReadOnlyList<LeftInPlace> Unreadable)
{
    /// <summary>Every file the run would remove from its place (into a new bundle, or as already archived).</summary>
    public IEnumerable<string> PathsToMove => Periods.SelectMany(p => p.ToBundle.Concat(p.AlreadyArchived.Select(a => a.Path)));

    /// <summary>True when the run would change nothing.</summary>
    public bool IsEmpty => Periods.All(p => p.ToBundle.Count == 0 && p.AlreadyArchived.Count == 0);
}

/// <summary>The plan of one period.</summary>
/// <param name="Period">Day or month.</param>
/// <param name="ToBundle">Files for a new bundle (root-relative, in path order).</param>
/// <param name="AlreadyArchived">Files in place whose bytes equal an entry of a complete bundle, with that bundle's path.</param>
/// <param name="Left">Files left in place.</param>
/// <param name="NewBundle">The bundle a run would write (null when nothing is new).</param>
public sealed record PeriodPlan(string Period, IReadOnlyList<string> ToBundle, IReadOnlyList<(string Path, string Bundle)> AlreadyArchived,
    IReadOnlyList<LeftInPlace> Left, BundleName? NewBundle);

/// <summary>What an archive run did.</summary>
public sealed record ArchiveOutcome
{
    /// <summary>Bundles written, root-relative.</summary>
    public List<string> Bundles { get; } = [];

    /// <summary>Originals moved into a new bundle (and removed from their place).</summary>
    public List<string> Moved { get; } = [];

    /// <summary>Originals removed because a complete bundle of an earlier, interrupted run already holds them byte for byte.</summary>
    public List<string> Recovered { get; } = [];

    /// <summary>Files left in place, with the reason.</summary>
    public List<LeftInPlace> Left { get; } = [];
}

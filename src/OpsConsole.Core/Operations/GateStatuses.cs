namespace OpsConsole.Core.Operations;

/// <summary>
/// The statuses a ladder step can show and how they rank. The five raw statuses come from gate@1;
/// <see cref="Unknown"/> and <see cref="Violation"/> are the console's own, so a gate file can never
/// claim them and a false green can never be shown.
/// </summary>
public static class GateStatuses
{
    public const string NotStarted = "not-started";
    public const string Pending = "pending";
    public const string Passed = "passed";
    public const string Blocked = "blocked";
    public const string Failed = "failed";

    /// <summary>The gate file is missing, unreadable, or lies in another cycle's or gate's place.</summary>
    public const string Unknown = "unknown";

    /// <summary>The gate says passed but its requires or its own checks say otherwise (out of order).</summary>
    public const string Violation = "violation";

    /// <summary>Every effective status, best first.</summary>
    public static readonly IReadOnlyList<string> All = [Passed, Pending, NotStarted, Blocked, Failed, Unknown, Violation];

    /// <summary>
    /// How good a status is: passed (4) &gt; pending = not-started (3) &gt; blocked (2) &gt; failed (1)
    /// &gt; unknown = violation (0). Anything else ranks 0, so an unexpected value fails closed.
    /// </summary>
    public static int Rank(string? status) => status switch
    {
        Passed => 4,
        Pending or NotStarted => 3,
        Blocked => 2,
        Failed => 1,
        _ => 0,
    };

    /// <summary>
    /// The overall status of a set of step statuses: never better than the worst of them. Ties are
    /// broken towards what needs attention: violation over unknown, pending over not-started unless
    /// nothing has started at all. An empty set is unknown (a ladder with no gates proves nothing).
    /// </summary>
    public static string Worst(IReadOnlyCollection<string> statuses)
    {
        if (statuses.Count == 0)
        {
            return Unknown;
        }

        var worst = statuses.Min(Rank);
        return worst switch
        {
            4 => Passed,
            3 => statuses.All(s => s == NotStarted) ? NotStarted : Pending,
            2 => Blocked,
            1 => Failed,
            _ => statuses.Contains(Violation) ? Violation : Unknown,
        };
    }
}

/// <summary>The stages of a cycle, in the order they happen (ARTIFACTS.md cycle@1).</summary>
public static class GateStages
{
    /// <summary>Stages in order: start, week1, week2, approvals, applyplan, real-write.</summary>
    public static readonly IReadOnlyList<string> InOrder = Artifacts.ArtifactVocabulary.Stages;

    /// <summary>Position of a stage (0-based), or -1 when the stage is not one of the six.</summary>
    public static int IndexOf(string? stage) => stage is null ? -1 : InOrder.ToList().IndexOf(stage);
}

namespace OpsConsole.Core.Engagement;

/// <summary>
/// Engagement saves by outcome since the process started. The web app reports them on <c>/metrics</c>
/// (<c>opsconsole_engagement_saves_total{result}</c>); kept here because the writer is built without DI
/// (the CLI uses it too).
/// </summary>
public static class EngagementSaveCounts
{
    /// <summary>The answer was written to <c>responses.csv</c>.</summary>
    public const string Saved = "saved";

    /// <summary>The writer refused the answer (nothing written).</summary>
    public const string Refused = "refused";

    /// <summary>The write threw (e.g. an I/O error); nothing was written.</summary>
    public const string Failed = "failed";

    /// <summary>Every outcome, in the order they are reported.</summary>
    public static IReadOnlyList<string> Results => Outcomes;

    private static readonly string[] Outcomes = [Saved, Refused, Failed];

    private static readonly long[] Counts = new long[3];

    /// <summary>Counts one save with <paramref name="result"/>, one of <see cref="Results"/>.</summary>
    public static void Record(string result) => Interlocked.Increment(ref Counts[IndexOf(result)]);

    /// <summary>The count of <paramref name="result"/> so far.</summary>
    public static long Count(string result) => Interlocked.Read(ref Counts[IndexOf(result)]);

    private static int IndexOf(string result) => Array.IndexOf(Outcomes, result) is >= 0 and var i
        ? i
        : throw new ArgumentOutOfRangeException(nameof(result), result, "not an engagement save result");
}

namespace OpsConsole.Core.Executions;

/// <summary>
/// The outcome words of an execution log or final validation report. Only a readable report that says
/// <c>passed</c> is passed; a log alone never proves a run passed, and anything unreadable or unclear is unknown.
/// </summary>
public static class ExecutionOutcomes
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Blocked = "blocked";
    public const string Unknown = "unknown";

    /// <summary>Every outcome, in filter order.</summary>
    public static readonly IReadOnlyList<string> All = [Passed, Failed, Blocked, Unknown];

    /// <summary>
    /// The outcome of a report's <c>status</c>: passed, failed (also <c>fail</c>), blocked; any other word is
    /// unknown. A report that says passed while one of its checks failed is failed: a check outranks a summary.
    /// </summary>
    public static string FromReport(string? status, bool anyCheckFailed) => status?.Trim().ToLowerInvariant() switch
    {
        "passed" or "pass" => anyCheckFailed ? Failed : Passed,
        "failed" or "fail" => Failed,
        "blocked" => Blocked,
        _ => Unknown,
    };

    /// <summary>
    /// The outcome a log states by itself: blocked when an error or warning line says the run was blocked,
    /// failed when it has an error line, otherwise unknown (only a final validation report can say passed).
    /// </summary>
    public static string FromLog(bool blockedLine, int errorLines) =>
        blockedLine ? Blocked : errorLines > 0 ? Failed : Unknown;
}

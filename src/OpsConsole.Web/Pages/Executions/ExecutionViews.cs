using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Executions;

namespace OpsConsole.Web.Pages.Executions;

/// <summary>Lines per page of a log: <c>?size=</c>, default 200, at most 2,000.</summary>
public static class LogPaging
{
    public const int DefaultSize = 200;
    public const int MaxSize = 2000;

    public static int Size(int? size) => Math.Clamp(size is null or < 1 ? DefaultSize : size.Value, 1, MaxSize);
}

/// <summary>One page of a log (all lines, or the matches of <see cref="Query"/>) and where its first error is.</summary>
public sealed record LogView(LogLineIndex Index, LogPage Page, string? Query, int PageNumber, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Page.Total / (double)PageSize));

    /// <summary>The page of the unfiltered log holding the first error line, or null when there is none.</summary>
    public int? FirstErrorPage => Index.FirstErrorLine is int n ? ((n - 1) / PageSize) + 1 : null;

    /// <summary>The outcome the log states by itself; unknown when it is not valid UTF-8.</summary>
    public string Outcome => Index.InvalidUtf8Line is null ? Index.Outcome : ExecutionOutcomes.Unknown;
}

/// <summary>A final validation report: its document (null when unreadable), the reason, its facts and tables.</summary>
public sealed record ReportView(ExecutionReport? Report, string? Problem, IReadOnlyList<ReportFact> Facts, IReadOnlyList<ReportTable> Tables)
{
    /// <summary>Columns shown as status chips.</summary>
    public static bool IsStatusColumn(string column) => column is "status" or "outcome" or "result_status";
}

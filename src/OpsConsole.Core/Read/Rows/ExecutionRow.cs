namespace OpsConsole.Core.Read.Rows;

/// <summary>An execution log or final validation report (see <see cref="Executions.ExecutionFacets"/>).</summary>
public sealed record ExecutionRow : ArtifactRow
{
    /// <summary>File name without extension.</summary>
    public string? Name { get; init; }

    /// <summary>Report generated_at, or the log's first timestamp.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The outcome (<see cref="Executions.ExecutionOutcomes"/>).</summary>
    public string? Outcome { get; init; }

    /// <summary>The subjects it concerns, encoded (<see cref="Executions.ExecutionSubjects.Encode"/>).</summary>
    public string? Subjects { get; init; }

    /// <summary>Report summary or the log's first error line (redacted when indexed).</summary>
    public string? Title { get; init; }

    /// <summary>Checks of a report, or error lines of a log.</summary>
    public int? Count { get; init; }

    /// <summary>Warning lines of a log (null for a report).</summary>
    public string? Warnings { get; init; }

    /// <summary>A report's operator.</summary>
    public string? Operator { get; init; }
}

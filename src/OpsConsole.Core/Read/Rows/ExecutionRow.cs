using OpsConsole.Core.Executions;

namespace OpsConsole.Core.Read.Rows;

/// <summary>An execution log or final validation report (see <see cref="ExecutionFacets"/>).</summary>
public sealed record ExecutionRow : ArtifactRow
{
    /// <summary>File name without extension.</summary>
    public string? Key { get; init; }

    /// <summary>True for a log, false for a final validation report.</summary>
    public bool IsLog { get; init; }

    /// <summary>Report generated_at, or the log's first timestamp.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The file's last write (UTC ticks): the time of a file that names none.</summary>
    public long ModifiedTicks { get; init; }

    /// <summary>The outcome the index stored (<see cref="ExecutionOutcomes"/>); see <see cref="OutcomeShown"/>.</summary>
    public string? Outcome { get; init; }

    /// <summary>The subjects it concerns, encoded (<see cref="ExecutionSubjects.Encode"/>).</summary>
    public string? Subjects { get; init; }

    /// <summary>Report summary or the log's first error line (redacted when indexed).</summary>
    public string? Title { get; init; }

    /// <summary>Checks of a report, or error lines of a log.</summary>
    public int? Count { get; init; }

    /// <summary>Warning lines of a log (null for a report).</summary>
    public string? Warnings { get; init; }

    /// <summary>A report's operator.</summary>
    public string? Operator { get; init; }

    /// <summary>A log over the size cap: not summarised by the index, but readable by pages on its page (set by the read that knows the cap).</summary>
    public bool TooLargeToSummarise { get; init; }

    /// <summary>The file name (the address of its page).</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>passed, failed, blocked or unknown; anything not readable is unknown.</summary>
    public string OutcomeShown => Readable && Outcome is { } s ? s : ExecutionOutcomes.Unknown;

    /// <summary>The log's or report's own time, else the file's last write.</summary>
    public DateTimeOffset Time => At ?? new DateTimeOffset(ModifiedTicks, TimeSpan.Zero);

    /// <summary>The subjects, decoded.</summary>
    public ExecutionSubjects SubjectList => ExecutionSubjects.Decode(Subjects);

    /// <summary>Subjects as one line for exports: <c>cycle:cycle-002 batch:BATCH-1</c>.</summary>
    public string SubjectText => (Subjects ?? "").Trim();
}

using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Read.Rows;

/// <summary>One run of a batch (a result file) as lists show it.</summary>
public sealed record BatchRunRow : ArtifactRow
{
    /// <summary>run_id (the file name when unreadable).</summary>
    public string? RunId { get; init; }

    /// <summary>batch_id; null when unreadable.</summary>
    public string? BatchId { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>succeeded, failed or blocked.</summary>
    public string? Outcome { get; init; }

    /// <summary>dry-run or real.</summary>
    public string? Mode { get; init; }

    public string? Operator { get; init; }
    public string? BlockedReason { get; init; }
    public int? Items { get; init; }

    /// <summary>The outcome a list shows: the run's outcome, or "unreadable".</summary>
    public string OutcomeShown => Readable ? Outcome ?? ReadStatus.Unknown : ReadStatus.Unreadable;
}

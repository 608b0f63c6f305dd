namespace OpsConsole.Core.Read.Rows;

/// <summary>A controlled-operation cycle.</summary>
public sealed record CycleRow : ArtifactRow
{
    /// <summary>cycle_id (the folder name when unreadable).</summary>
    public string? CycleId { get; init; }

    public DateTimeOffset? StartedAt { get; init; }
    public string? Status { get; init; }
    public string? Title { get; init; }

    /// <summary>Steps of its gate ladder.</summary>
    public int? Steps { get; init; }
}

namespace OpsConsole.Core.Read.Rows;

/// <summary>A gate file of a cycle.</summary>
public sealed record GateRow : ArtifactRow
{
    /// <summary>gate_id (the file name when unreadable).</summary>
    public string? GateId { get; init; }

    /// <summary>The cycle the gate belongs to (the folder name when unreadable).</summary>
    public string? CycleId { get; init; }

    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>not-started, pending, passed, blocked or failed.</summary>
    public string? Status { get; init; }

    /// <summary>dry-run, simulation or read-only.</summary>
    public string? Mode { get; init; }

    public string? Title { get; init; }
    public int? Checks { get; init; }
}

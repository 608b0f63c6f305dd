namespace OpsConsole.Core.Read.Rows;

/// <summary>An approval record as lists show it.</summary>
public sealed record ApprovalRow : ArtifactRow
{
    /// <summary>approval_id (from the file name when unreadable).</summary>
    public string? ApprovalId { get; init; }

    public string? Device { get; init; }
    public long? DeviceId { get; init; }
    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>The lifecycle state (<see cref="Artifacts.ApprovalStates"/>).</summary>
    public string? State { get; init; }

    public string? RiskLevel { get; init; }
    public string? BatchId { get; init; }

    /// <summary>The summary of the first change.</summary>
    public string? Summary { get; init; }

    public int? Changes { get; init; }
    public string? RequestedBy { get; init; }
}

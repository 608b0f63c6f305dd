namespace OpsConsole.Core.Read.Rows;

/// <summary>A batch plan as lists show it.</summary>
public sealed record BatchPlanRow : ArtifactRow
{
    /// <summary>batch_id (from the file name when unreadable).</summary>
    public string? BatchId { get; init; }

    public string? Device { get; init; }
    public long? DeviceId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>"complete" or "incomplete" (an object lacks its staged payload).</summary>
    public string? Completeness { get; init; }

    public string? ApprovalId { get; init; }
    public int? Objects { get; init; }
}

namespace OpsConsole.Core.Read.Rows;

/// <summary>A device's engagement package (the pending items its team answers).</summary>
public sealed record EngagementPackageRow : ArtifactRow
{
    public string? Device { get; init; }
    public long? DeviceId { get; init; }
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The service team that answers.</summary>
    public string? Team { get; init; }

    public int? Items { get; init; }
}

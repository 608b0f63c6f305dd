namespace OpsConsole.Core.Read.Rows;

/// <summary>The validation report of a device's engagement answers.</summary>
public sealed record EngagementValidationRow : ArtifactRow
{
    public string? Device { get; init; }
    public long? DeviceId { get; init; }
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>passed or failed.</summary>
    public string? Status { get; init; }

    public int? Results { get; init; }
}

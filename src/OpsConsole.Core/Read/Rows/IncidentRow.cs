using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Read.Rows;

/// <summary>An incident as lists show it.</summary>
public sealed record IncidentRow : ArtifactRow
{
    /// <summary>incident_id (the file name when unreadable).</summary>
    public string? IncidentId { get; init; }

    public string? Device { get; init; }
    public long? DeviceId { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>open, mitigated or resolved.</summary>
    public string? Status { get; init; }

    /// <summary>critical, high, medium or low.</summary>
    public string? Severity { get; init; }

    public string? Title { get; init; }

    /// <summary>The status a list shows: the incident's status, or "unreadable".</summary>
    public string StatusShown => Readable ? Status ?? ReadStatus.Unknown : ReadStatus.Unreadable;
}

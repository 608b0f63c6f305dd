namespace OpsConsole.Core.Read.Rows;

/// <summary>A device's <c>responses.csv</c>: how many answers and when the newest was given.</summary>
public sealed record EngagementResponsesRow : ArtifactRow
{
    public string? Device { get; init; }
    public int? Answers { get; init; }
    public DateTimeOffset? LastRespondedAt { get; init; }
}

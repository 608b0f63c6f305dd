namespace OpsConsole.Core.Artifacts;

/// <summary>Incident and divergence severities, most severe first (the order lists sort by).</summary>
public static class SeverityLevel
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
}

namespace OpsConsole.Core.Artifacts;

/// <summary>Incident statuses of the contract, as constants so no query compares a typed-in word.</summary>
public static class IncidentStatus
{
    public const string Open = "open";
    public const string Mitigated = "mitigated";
    public const string Resolved = "resolved";
}

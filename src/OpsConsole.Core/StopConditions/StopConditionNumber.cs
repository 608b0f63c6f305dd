namespace OpsConsole.Core.StopConditions;

/// <summary>The numbers of the seven stop conditions (ARTIFACTS.md), so code says which one it means.</summary>
public static class StopConditionNumber
{
    /// <summary>A secret-looking token in an artifact: the file is quarantined.</summary>
    public const int Secret = 1;
    public const int ContradictoryReport = 2;
    public const int ExistsUpstream = 3;
    public const int OpenCriticalIncident = 4;
    public const int IncompletePayload = 5;
    public const int DeviceIdMismatch = 6;
    public const int GateOutOfOrder = 7;
}

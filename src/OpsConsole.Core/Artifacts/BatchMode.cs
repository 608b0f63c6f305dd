namespace OpsConsole.Core.Artifacts;

/// <summary>Batch run modes of the contract.</summary>
public static class BatchMode
{
    public const string DryRun = "dry-run";
    public const string Real = "real";
}

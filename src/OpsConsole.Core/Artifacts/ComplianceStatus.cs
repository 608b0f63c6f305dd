namespace OpsConsole.Core.Artifacts;

/// <summary>Compliance report statuses of the contract, as constants so no query compares a typed-in word.</summary>
public static class ComplianceStatus
{
    public const string Compliant = "compliant";
    public const string Divergent = "divergent";
    public const string Error = "error";
}

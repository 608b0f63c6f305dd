namespace OpsConsole.Web;

/// <summary>Marker for the strings of compliance reports (<c>Pages/Compliance</c>).</summary>
public sealed class ComplianceResource;

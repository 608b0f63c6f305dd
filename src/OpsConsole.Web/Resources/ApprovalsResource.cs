namespace OpsConsole.Web;

/// <summary>Marker for the approval queue and timeline strings (ApprovalsResource.resx, .pt-BR.resx).</summary>
public sealed class ApprovalsResource;

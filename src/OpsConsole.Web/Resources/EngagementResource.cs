namespace OpsConsole.Web;

/// <summary>Marker for the service-engagement strings (EngagementResource.resx / .pt-BR.resx).</summary>
public sealed class EngagementResource;

namespace OpsConsole.Web;

/// <summary>Strings of the stop-conditions, handoff, metrics and audit pages (HandoffResource.resx / .pt-BR.resx).</summary>
public sealed class HandoffResource;

namespace OpsConsole.Web;

/// <summary>Strings of the shift handoff page and the NOC wall view (ShiftResource.resx / .pt-BR.resx).</summary>
public sealed class ShiftResource;

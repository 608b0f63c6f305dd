namespace OpsConsole.Web;

/// <summary>Marker for the identity and roles strings (IdentityResource.resx / .pt-BR.resx).</summary>
public sealed class IdentityResource;

namespace OpsConsole.Web;

/// <summary>Strings of the archive pages and the archived-history lines (ArchiveResource.resx / .pt-BR.resx).</summary>
public sealed class ArchiveResource;

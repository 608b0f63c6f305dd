namespace OpsConsole.Web;

/// <summary>Marker for the execution pages' strings (logs and final validation reports): Resources/ExecutionsResource*.resx.</summary>
public sealed class ExecutionsResource;

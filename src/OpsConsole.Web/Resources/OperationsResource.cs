namespace OpsConsole.Web;

/// <summary>Marker for the controlled-operation pages' strings: Resources/OperationsResource*.resx.</summary>
public sealed class OperationsResource;

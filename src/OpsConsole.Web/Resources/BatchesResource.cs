namespace OpsConsole.Web;

/// <summary>Marker for the strings of batch runs and plans (<c>Pages/Batches</c>).</summary>
public sealed class BatchesResource;

namespace OpsConsole.Web;

/// <summary>Marker for the shared strings (layout, navigation, statuses, common words): Resources/SharedResource*.resx.</summary>
public sealed class SharedResource;

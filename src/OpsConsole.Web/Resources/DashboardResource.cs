namespace OpsConsole.Web;

/// <summary>Marker for the strings of the dashboard (<c>Pages/Dashboard</c>).</summary>
public sealed class DashboardResource;

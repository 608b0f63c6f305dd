namespace OpsConsole.Web;

/// <summary>Marker for the strings of the read-only dashboards (dashboard, devices, compliance, incidents, batches).</summary>
public sealed class DashboardsResource;

namespace OpsConsole.Web;

/// <summary>Marker for the strings of incidents (<c>Pages/Incidents</c>).</summary>
public sealed class IncidentsResource;

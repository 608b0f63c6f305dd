namespace OpsConsole.Core.Read.Incidents;

/// <summary>Filters of the incident list; an empty value means "any", status "unreadable" selects broken files.</summary>
public sealed record IncidentFilter(string? Severity, string? Status, string? Device);

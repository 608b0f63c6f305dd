namespace OpsConsole.Core.Read.Compliance;

/// <summary>Filters of the compliance report list, all from the query string.</summary>
public sealed record ComplianceFilter(string? From, string? To, string? Device, string? Status, bool LatestOnly, bool Ascending);

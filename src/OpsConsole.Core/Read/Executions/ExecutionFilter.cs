namespace OpsConsole.Core.Read.Executions;

/// <summary>The filters of the execution list (all optional; empty means any). <paramref name="Kind"/> is "log" or "report".</summary>
public sealed record ExecutionFilter(string? Kind, string? Outcome, string? Batch, string? Device, string? Cycle, string? Query);

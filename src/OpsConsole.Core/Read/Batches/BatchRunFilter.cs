namespace OpsConsole.Core.Read.Batches;

/// <summary>Filters of the batch run list: batch id (contains), mode, outcome ("unreadable" selects broken files).</summary>
public sealed record BatchRunFilter(string? Batch, string? Mode, string? Outcome);

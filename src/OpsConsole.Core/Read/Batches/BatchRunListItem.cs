using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Batches;

/// <summary>One run in the execution history; <see cref="Duration"/> is read from the file (only for shown rows).</summary>
public sealed record BatchRunListItem(BatchRunRow Run, TimeSpan? Duration);

using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Executions;

/// <summary>What refers to, or is named by, one execution file, each part in the order its page lists it.</summary>
/// <param name="Gates">Readable gates whose evidence cites the file, or that its subjects name (cycle and gate), with valid ids.</param>
/// <param name="Cycles">Indexed cycles its subjects name, in id order.</param>
/// <param name="Batches">Batches its subjects name that have a plan or a run, in the subjects' order.</param>
/// <param name="Devices">The devices its subjects and those batches' plans name, with what the console holds about each.</param>
/// <param name="Companions">The report that names this log, or the log this report names (paths, unfiltered).</param>
public sealed record ExecutionReferenceSet(
    IReadOnlyList<GateRow> Gates,
    IReadOnlyList<string> Cycles,
    IReadOnlyList<string> Batches,
    IReadOnlyList<ReferencedDevice> Devices,
    IReadOnlyList<string> Companions);

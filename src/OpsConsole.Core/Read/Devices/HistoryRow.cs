using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Devices;

/// <summary>
/// One run in a device's compliance history: the report and, when both it and the previous run are
/// readable, the divergences that appeared (<see cref="Added"/>) or went away (<see cref="Removed"/>).
/// </summary>
public sealed record HistoryRow(ComplianceReportRow Report, IReadOnlyList<DivergenceRow>? Added, IReadOnlyList<DivergenceRow>? Removed, bool IsFirst);

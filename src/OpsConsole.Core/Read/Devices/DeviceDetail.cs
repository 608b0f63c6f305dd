using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Devices;

/// <summary>What the device page shows.</summary>
public sealed record DeviceDetail(
    string Name,
    DeviceRecord? Inventory,
    ComplianceReportRow? Latest,
    PagedList<HistoryRow> History,
    IReadOnlyList<ApprovalRow> Approvals,
    IReadOnlyList<BatchRunRow> BatchRuns,
    IReadOnlyList<IncidentRow> OpenIncidents,
    DeviceStrip Strip);

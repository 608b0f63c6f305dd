using OpsConsole.Core.Read.Approvals;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Web.Pages.Approvals;

/// <summary>Everything the timeline page shows for one approval id.</summary>
/// <param name="Entry">The copy shown (a readable one whose folder matches its state, when there is one).</param>
/// <param name="OtherCopies">The other files with the same id.</param>
/// <param name="Plan">The batch plan; null when the record names no safe batch id.</param>
/// <param name="Results">The batch's runs, newest first.</param>
/// <param name="Report">The device's newest compliance report; null when it has none.</param>
/// <param name="StopConditions">The stop conditions that block deciding it.</param>
public sealed record ApprovalTimelineView(
    ApprovalEntry Entry,
    IReadOnlyList<ApprovalEntry> OtherCopies,
    RelatedPlan? Plan,
    IReadOnlyList<BatchRunRow> Results,
    ComplianceReportRow? Report,
    IReadOnlyList<StopConditionResult> StopConditions);

using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Read.Approvals;

/// <summary>One approval file as the queue and the timeline see it: where it lies, what it says, what is wrong with it.</summary>
/// <param name="Path">Root-relative path.</param>
/// <param name="FolderState">The state folder it lies in (the current state per the contract).</param>
/// <param name="Id">The record's <c>approval_id</c>, or the id in the file name when unreadable.</param>
/// <param name="FileId">The id in the file name.</param>
/// <param name="Record">The parsed record; null when unreadable.</param>
/// <param name="Problem">Why it is unreadable; null when readable.</param>
/// <param name="Findings">Consistency and separation-of-duties findings (an unreadable file has one).</param>
/// <param name="EnteredStateAt">When it entered its current state (last history entry to it), else when requested.</param>
public sealed record ApprovalEntry(string Path, string FolderState, string Id, string FileId, ApprovalRecord? Record, string? Problem,
    IReadOnlyList<ApprovalFinding> Findings, DateTimeOffset? EnteredStateAt)
{
    /// <summary>True when a check found something (unreadable included).</summary>
    public bool IsInconsistent => Findings.Count > 0;

    /// <summary>True while nobody has decided yet (proposed or pending).</summary>
    public bool IsUndecided => FolderState is ApprovalStates.Proposed or ApprovalStates.Pending;
}

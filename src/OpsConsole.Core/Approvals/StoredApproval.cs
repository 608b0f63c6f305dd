using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Approvals;

/// <summary>One approval file as read from disk (fresh, not from the cache): where it is and what it says.</summary>
/// <param name="RelativePath">Root-relative path, e.g. <c>approvals/pending/approval-APR-1.json</c>.</param>
/// <param name="FolderState">The state folder it lies in.</param>
/// <param name="Bytes">The file's bytes as read.</param>
/// <param name="Record">The parsed record; null when unreadable.</param>
/// <param name="Problem">Why it is unreadable; null when readable.</param>
public sealed record StoredApproval(string RelativePath, string FolderState, byte[] Bytes, ApprovalRecord? Record, string? Problem)
{
    /// <summary>The file name (<c>approval-&lt;id&gt;.json</c>).</summary>
    public string FileName => Path.GetFileName(RelativePath);

    /// <summary>The id the file name carries.</summary>
    public string FileId => ApprovalPaths.IdOfRecordFile(FileName) ?? "";

    /// <summary>Consistency and SoD findings; an unreadable file has exactly one.</summary>
    public IReadOnlyList<ApprovalFinding> Findings => Record is null
        ? [new ApprovalFinding(ApprovalRules.Unreadable, $"{RelativePath} is unreadable: {Problem}")]
        : ApprovalConsistency.Check(Record, FolderState, FileName);
}

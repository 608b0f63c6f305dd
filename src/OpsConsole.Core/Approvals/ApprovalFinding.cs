namespace OpsConsole.Core.Approvals;

/// <summary>One problem with an approval record or a requested decision, named by the rule it breaks.</summary>
/// <param name="Rule">Stable rule id from <see cref="ApprovalRules"/> (e.g. <c>self-approval</c>).</param>
/// <param name="Message">Plain-language reason naming the record, the actors and the times involved.</param>
/// <param name="Source">The artifact that proves it (root-relative path), when one does.</param>
/// <param name="Group">
/// The reason without the artifact, shared by findings that differ only in their file (one device id mismatch
/// seen in 16 files): <see cref="RefusalGroups"/> prints such findings as one line with the count and the files.
/// </param>
public sealed record ApprovalFinding(string Rule, string Message, string? Source = null, string? Group = null)
{
    /// <inheritdoc />
    public override string ToString() => $"[{Rule}] {Message}";
}

/// <summary>The rule ids used in <see cref="ApprovalFinding"/>.</summary>
public static class ApprovalRules
{
    /// <summary>The file name's id differs from <c>approval_id</c>.</summary>
    public const string FileId = "file-id";

    /// <summary>The state folder differs from <c>state</c>.</summary>
    public const string FolderState = "folder-state";

    /// <summary>The last <c>history.to</c> differs from <c>state</c> (or the history is empty).</summary>
    public const string HistoryState = "history-state";

    /// <summary>A history entry's <c>from</c> is not the previous entry's <c>to</c>.</summary>
    public const string HistoryChain = "history-chain";

    /// <summary>History entries are not oldest first, or a new entry would be dated before the last one.</summary>
    public const string HistoryOrder = "history-order";

    /// <summary>A transition ARTIFACTS.md does not allow (in the history, or requested).</summary>
    public const string IllegalTransition = "illegal-transition";

    /// <summary>The requester approved their own request.</summary>
    public const string SelfApproval = "self-approval";

    /// <summary>A decision (approve, reject, apply) dated after <c>expires_at</c>.</summary>
    public const string DecidedAfterExpiry = "decided-after-expiry";

    /// <summary>A stop condition concerning the device or batch holds (see <see cref="IApprovalBlockers"/>).</summary>
    public const string StopCondition = "stop-condition";

    /// <summary>The record is unreadable, or not an approval.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>No record with that id exists.</summary>
    public const string NotFound = "not-found";

    /// <summary>The id exists in more than one state folder and could not be repaired safely.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Another process holds the record's lock.</summary>
    public const string Locked = "locked";

    /// <summary>Actor or reason missing, or the reason looks like it holds a secret.</summary>
    public const string InvalidInput = "invalid-input";

    /// <summary>The record already has a separation-of-duties finding, so it may not move forward.</summary>
    public const string Tainted = "tainted-record";

    /// <summary>Rules that make a record structurally inconsistent: no decision may be layered on it.</summary>
    public static readonly IReadOnlySet<string> Structural = new HashSet<string>(StringComparer.Ordinal)
    {
        FileId, FolderState, HistoryState, HistoryChain, HistoryOrder, IllegalTransition,
    };
}

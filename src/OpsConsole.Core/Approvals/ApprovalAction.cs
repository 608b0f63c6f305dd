using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Approvals;

/// <summary>
/// A decision the command line can take on an approval: the states it starts from, the state it
/// leads to, and the audit event type it records. Every action maps onto transitions ARTIFACTS.md allows.
/// </summary>
public sealed record ApprovalAction
{
    private ApprovalAction(string name, string to, params string[] from)
    {
        Name = name;
        To = to;
        From = from;
    }

    /// <summary>Command name (<c>approve</c>, <c>mark-applied</c>, ...).</summary>
    public string Name { get; }

    /// <summary>States the record may be in.</summary>
    public IReadOnlyList<string> From { get; }

    /// <summary>State the record moves to.</summary>
    public string To { get; }

    /// <summary>Audit event type, e.g. <c>approval.approve</c>.</summary>
    public string AuditType => $"approval.{Name}";

    /// <summary>True for actions that move a record towards being applied (SoD findings block them).</summary>
    public bool IsForward => To is ApprovalStates.Approved or ApprovalStates.Applied;

    /// <summary>True when the action is refused once <c>expires_at</c> has passed.</summary>
    public bool RequiresUnexpired => To is ApprovalStates.Approved or ApprovalStates.Rejected or ApprovalStates.Applied;

    /// <summary>proposed → pending.</summary>
    public static readonly ApprovalAction Submit = new("submit", ApprovalStates.Pending, ApprovalStates.Proposed);

    /// <summary>pending → approved.</summary>
    public static readonly ApprovalAction Approve = new("approve", ApprovalStates.Approved, ApprovalStates.Pending);

    /// <summary>pending → rejected.</summary>
    public static readonly ApprovalAction Reject = new("reject", ApprovalStates.Rejected, ApprovalStates.Pending);

    /// <summary>pending | approved → expired.</summary>
    public static readonly ApprovalAction Expire = new("expire", ApprovalStates.Expired, ApprovalStates.Pending, ApprovalStates.Approved);

    /// <summary>approved → applied.</summary>
    public static readonly ApprovalAction MarkApplied = new("mark-applied", ApprovalStates.Applied, ApprovalStates.Approved);

    /// <summary>Every action, in lifecycle order.</summary>
    public static readonly IReadOnlyList<ApprovalAction> All = [Submit, Approve, Reject, Expire, MarkApplied];

    /// <summary>The action named <paramref name="name"/>, or null.</summary>
    public static ApprovalAction? Find(string name) => All.FirstOrDefault(a => a.Name == name);
}

using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Approvals;

/// <summary>A requested decision: what, by whom, why, and when.</summary>
/// <param name="Action">The action to take.</param>
/// <param name="Actor">Who decides (recorded in history and audit).</param>
/// <param name="Reason">Why (recorded in history; never in the audit log).</param>
/// <param name="At">Decision time; also compared with <c>expires_at</c>.</param>
/// <param name="OsUser">The operating-system user running the command; a requester may not approve under another <c>--actor</c>.</param>
public sealed record ApprovalDecision(ApprovalAction Action, string Actor, string Reason, DateTimeOffset At, string? OsUser = null);

/// <summary>The outcome of validating a decision: the new record, or why it is refused.</summary>
public sealed record DecisionResult
{
    /// <summary>Why the decision is refused; empty when accepted.</summary>
    public IReadOnlyList<ApprovalFinding> Refusals { get; init; } = [];

    /// <summary>The record after the decision; null when refused.</summary>
    public ApprovalRecord? Record { get; init; }

    /// <summary>The history entry the decision appends; null when refused.</summary>
    public ApprovalHistoryEntry? Entry { get; init; }

    /// <summary>True when the decision may be applied.</summary>
    public bool IsAccepted => Refusals.Count == 0 && Record is not null;

    /// <summary>A refused result.</summary>
    public static DecisionResult Refused(IEnumerable<ApprovalFinding> refusals) => new() { Refusals = refusals.ToList() };
}

/// <summary>
/// Validates a decision against one approval record and, when allowed, produces the new record
/// (state changed, one history entry appended). Pure: it reads nothing and writes nothing.
/// </summary>
public static class ApprovalDecider
{
    /// <summary>
    /// Validates <paramref name="decision"/> on <paramref name="record"/>, found in state folder
    /// <paramref name="folderState"/>. <paramref name="blockers"/> is consulted for <c>approve</c> only.
    /// </summary>
    public static DecisionResult Decide(ApprovalRecord record, string folderState, ApprovalDecision decision, IApprovalBlockers blockers)
    {
        var action = decision.Action;
        var id = record.ApprovalId;
        var refusals = new List<ApprovalFinding>();

        var actor = decision.Actor.Trim();
        var reason = decision.Reason.Trim();
        if (actor.Length == 0)
        {
            refusals.Add(new(ApprovalRules.InvalidInput, "--actor is empty: name the person who decides"));
        }

        if (reason.Length == 0)
        {
            refusals.Add(new(ApprovalRules.InvalidInput, "--reason is empty: say why"));
        }
        else if (SecretScanner.Scan(reason).Count > 0)
        {
            refusals.Add(new(ApprovalRules.InvalidInput, "--reason looks like it contains a secret (token, bearer header or key); it would be stored in the record"));
        }

        var findings = ApprovalConsistency.Check(record, folderState);
        var structural = findings.Where(f => ApprovalRules.Structural.Contains(f.Rule)).ToList();
        if (structural.Count > 0)
        {
            // Layering a decision on a record whose state is in doubt would hide the doubt.
            refusals.AddRange(structural);
            return DecisionResult.Refused(refusals);
        }

        if (!action.From.Contains(record.State, StringComparer.Ordinal))
        {
            refusals.Add(new(ApprovalRules.IllegalTransition,
                $"{id} is {record.State}; {action.Name} needs {string.Join(" or ", action.From)}"
                + (record.State == action.To ? " (already done)" : $" ({record.State} → {action.To} is not an allowed transition)")));
            return DecisionResult.Refused(refusals);
        }

        if (action.IsForward)
        {
            refusals.AddRange(findings.Where(f => f.Rule is ApprovalRules.SelfApproval or ApprovalRules.DecidedAfterExpiry)
                .Select(f => new ApprovalFinding(ApprovalRules.Tainted, $"{f.Message}; it cannot move forward (reject or expire it instead)")));
        }

        if (action == ApprovalAction.Approve && actor.Length > 0 && ApprovalConsistency.SameActor(actor, record.RequestedBy))
        {
            refusals.Add(new(ApprovalRules.SelfApproval, $"{actor} requested {id} and cannot approve it; another person must decide"));
        }

        var osUser = decision.OsUser?.Trim() ?? "";
        if (action == ApprovalAction.Approve && osUser.Length > 0 && ApprovalConsistency.SameActor(osUser, record.RequestedBy)
            && !ApprovalConsistency.SameActor(actor, record.RequestedBy))
        {
            refusals.Add(new(ApprovalRules.SelfApproval, $"the operating-system user {osUser} requested {id} and cannot approve it under another --actor; another person must decide"));
        }

        if (action.RequiresUnexpired && record.ExpiresAt is { } expires && decision.At > expires)
        {
            refusals.Add(new(ApprovalRules.DecidedAfterExpiry,
                $"{id} expired at {ApprovalConsistency.Stamp(expires)} (now {ApprovalConsistency.Stamp(decision.At)}); it can only be expired (`approval expire {id}`)"));
        }

        if (record.History.Count > 0 && decision.At < record.History[^1].At)
        {
            refusals.Add(new(ApprovalRules.HistoryOrder,
                $"{id}: the last history entry is dated {ApprovalConsistency.Stamp(record.History[^1].At)}, after now ({ApprovalConsistency.Stamp(decision.At)}); check the clock"));
        }

        if (action == ApprovalAction.Approve)
        {
            refusals.AddRange(blockers.Find(record.Device, record.BatchId).Select(b => b.ToFinding()));
        }

        if (refusals.Count > 0)
        {
            return DecisionResult.Refused(refusals);
        }

        var entry = new ApprovalHistoryEntry
        {
            At = NotBefore(Truncate(decision.At), record.History),
            From = record.State,
            To = action.To,
            Actor = actor,
            Reason = reason,
            OsUser = osUser.Length > 0 ? osUser : null,
        };
        return new DecisionResult
        {
            Record = record with { State = action.To, History = [.. record.History, entry] },
            Entry = entry,
        };
    }

    private static DateTimeOffset NotBefore(DateTimeOffset at, List<ApprovalHistoryEntry> history) =>
        history.Count > 0 && history[^1].At > at ? history[^1].At : at;

    /// <summary>History times are stored to the second, in UTC (ARTIFACTS.md time format).</summary>
    private static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}

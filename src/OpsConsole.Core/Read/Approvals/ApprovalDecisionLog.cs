using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Read.Approvals;

/// <summary>One line of the approval decisions audit view: a decision taken, or a self-approval attempt refused.</summary>
/// <param name="At">When (the history entry's time, or the audit event's).</param>
/// <param name="ApprovalId">The approval.</param>
/// <param name="Device">Its device, when known.</param>
/// <param name="From">The state before; null for a refused attempt (nothing moved).</param>
/// <param name="To">The state after, or the state the refused attempt asked for.</param>
/// <param name="Actor">Who decided (or tried to).</param>
/// <param name="Reason">The history entry's reason, or the refusal's audit detail; raw, shown through SecretRedactor.</param>
/// <param name="Outcome"><see cref="ApprovalDecisionLog.Decided"/> or <see cref="ApprovalDecisionLog.Refused"/>.</param>
/// <param name="StopConditions">
/// The stop conditions not clear at that moment ("n:state" space-separated, "" when all were clear), from the change
/// journal; null when the journal does not reach back to that moment (not known).
/// </param>
/// <param name="Source">Where the decision was read: "index", an archive bundle, or "audit" for a refused attempt.</param>
public sealed record DecisionLogRow(DateTimeOffset At, string ApprovalId, string? Device, string? From, string To, string Actor, string? Reason,
    string Outcome, string? StopConditions, string Source)
{
    /// <summary>True when at least one stop condition was triggered or unknown at that moment.</summary>
    public bool WhileStopConditionHeld => !string.IsNullOrEmpty(StopConditions);
}

/// <summary>
/// The approval decisions audit view: every transition of every approval (from <see cref="IDecidedApprovalSource"/>),
/// the self-approval attempts the CLI refused (from the audit trail, where <c>approval approve</c> records every
/// refusal with its rules), and for each the stop conditions in force at that moment: the change journal's
/// stop-condition rows give the set of non-clear conditions from each change on, so the set at a moment is the
/// last row at or before it. Before the journal's first such row the set is not known (null), never "clear".
/// </summary>
public sealed class ApprovalDecisionLog(IDecidedApprovalSource approvals, IAuditStore audit, Func<IndexDbContext> createDb)
{
    /// <summary>The outcome of a decision taken.</summary>
    public const string Decided = "decided";

    /// <summary>The outcome of a refused attempt.</summary>
    public const string Refused = "refused";

    /// <summary>Refused attempts read from the audit trail at most (newest first); a bound, not a filter.</summary>
    public const int MaxRefusals = 10_000;

    /// <summary>Every row, newest first.</summary>
    public async Task<IReadOnlyList<DecisionLogRow>> AllAsync(CancellationToken ct = default)
    {
        var all = approvals.All();
        var stops = await StopSetsAsync(ct);
        var rows = new List<DecisionLogRow>();
        foreach (var approval in all)
        {
            rows.AddRange(approval.History.Where(h => h.From is not null).Select(h => new DecisionLogRow(
                h.At, approval.ApprovalId, approval.Device, h.From, h.To, h.Actor, h.Reason, Decided, SetAt(stops, h.At), approval.Source)));
        }

        var devices = all.ToDictionary(a => a.ApprovalId, a => a.Device, StringComparer.Ordinal);
        var attempts = audit.Find(new AuditQuery(ApprovalAction.Approve.AuditType, null, null, null, 0, MaxRefusals)).Items
            .Where(e => e.Outcome == Refused && e.Detail is { } d && d.Contains(ApprovalRules.SelfApproval, StringComparison.Ordinal));
        foreach (var e in attempts)
        {
            var at = new DateTimeOffset(e.AtTicks, TimeSpan.Zero);
            var id = e.Target ?? "";
            rows.Add(new DecisionLogRow(at, id, devices.GetValueOrDefault(id), null, ApprovalStates.Approved, e.Actor, e.Detail, Refused, SetAt(stops, at), "audit"));
        }

        return [.. rows.OrderByDescending(r => r.At).ThenBy(r => r.ApprovalId, StringComparer.Ordinal)];
    }

    private async Task<List<(long AtTicks, string Set)>> StopSetsAsync(CancellationToken ct)
    {
        await using var db = createDb();
        var rows = await db.ChangeJournal.AsNoTracking().Where(j => j.Kind == ChangeKinds.StopConditionsKind)
            .OrderBy(j => j.AtTicks).ThenBy(j => j.Id).Select(j => new { j.AtTicks, j.StatusAfter }).ToListAsync(ct);
        return [.. rows.Select(r => (r.AtTicks, r.StatusAfter ?? ""))];
    }

    /// <summary>The set in force at <paramref name="at"/>: the last row at or before it; null before the first row.</summary>
    private static string? SetAt(List<(long AtTicks, string Set)> sets, DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        int lo = 0, hi = sets.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sets[mid].AtTicks <= ticks)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? null : sets[found].Set;
    }
}

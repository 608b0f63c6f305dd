using System.Globalization;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Approvals;

/// <summary>
/// Consistency and separation-of-duties checks of one approval record (ARTIFACTS.md, approval@1).
/// Each finding names its rule. What the artifacts cannot prove is not claimed: whether a stop
/// condition held at the moment of a past decision is not recorded anywhere, so it is not checked.
/// </summary>
public static class ApprovalConsistency
{
    /// <summary>The states a history entry may record as a decision after which expiry matters.</summary>
    private static readonly string[] Decisions = [ApprovalStates.Approved, ApprovalStates.Rejected, ApprovalStates.Applied];

    /// <summary>
    /// Checks <paramref name="record"/> as found in state folder <paramref name="folderState"/>
    /// (null when the record is not on disk) under file name <paramref name="fileName"/> (optional).
    /// Returns an empty list for a consistent record.
    /// </summary>
    public static IReadOnlyList<ApprovalFinding> Check(ApprovalRecord record, string? folderState, string? fileName = null)
    {
        var findings = new List<ApprovalFinding>();
        var id = record.ApprovalId;

        if (fileName is not null && fileName != ApprovalPaths.FileName(id))
        {
            findings.Add(new(ApprovalRules.FileId, $"file \"{fileName}\" holds approval_id \"{id}\" (expected file name \"{ApprovalPaths.FileName(id)}\")"));
        }

        if (folderState is not null && folderState != record.State)
        {
            findings.Add(new(ApprovalRules.FolderState, $"{id} is in folder approvals/{folderState}/ but its state is \"{record.State}\""));
        }

        CheckHistory(record, findings);
        CheckSeparationOfDuties(record, findings);
        return findings;
    }

    /// <summary>True when none of <paramref name="findings"/> is structural (<see cref="ApprovalRules.Structural"/>).</summary>
    public static bool IsStructurallySound(IEnumerable<ApprovalFinding> findings) =>
        !findings.Any(f => ApprovalRules.Structural.Contains(f.Rule));

    private static void CheckHistory(ApprovalRecord record, List<ApprovalFinding> findings)
    {
        var id = record.ApprovalId;
        var history = record.History;
        if (history.Count == 0)
        {
            findings.Add(new(ApprovalRules.HistoryState, $"{id} has no history entries, so nothing records how it reached state \"{record.State}\""));
            return;
        }

        if (history[^1].To != record.State)
        {
            findings.Add(new(ApprovalRules.HistoryState, $"{id}: the last history entry moves to \"{history[^1].To}\" but the state is \"{record.State}\""));
        }

        for (var n = 0; n < history.Count; n++)
        {
            var entry = history[n];
            var expectedFrom = n == 0 ? null : history[n - 1].To;
            if (entry.From != expectedFrom)
            {
                findings.Add(new(ApprovalRules.HistoryChain, n == 0
                    ? $"{id}: history[0] starts from \"{entry.From}\"; the first entry must have from = null"
                    : $"{id}: history[{n}] starts from \"{entry.From ?? "null"}\" but history[{n - 1}] ended in \"{expectedFrom}\""));
            }

            // The workflow starts at proposed: a first entry straight to pending, approved or applied skips
            // the steps that let a second person look at the request.
            if (n == 0 && entry.From is null && entry.To != ApprovalStates.Proposed)
            {
                findings.Add(new(ApprovalRules.IllegalTransition, $"{id}: history[0] moves null → {entry.To} ({Stamp(entry.At)}, by {entry.Actor}); every record must start null → proposed, so this one skipped the workflow"));
            }

            if (entry.From is not null && !ApprovalStates.IsAllowed(entry.From, entry.To))
            {
                findings.Add(new(ApprovalRules.IllegalTransition, $"{id}: history[{n}] moves {entry.From} → {entry.To} ({Stamp(entry.At)}, by {entry.Actor}), which is not an allowed transition"));
            }

            if (n > 0 && entry.At < history[n - 1].At)
            {
                findings.Add(new(ApprovalRules.HistoryOrder, $"{id}: history[{n}] ({Stamp(entry.At)}) is dated before history[{n - 1}] ({Stamp(history[n - 1].At)}); entries must be oldest first"));
            }
        }
    }

    private static void CheckSeparationOfDuties(ApprovalRecord record, List<ApprovalFinding> findings)
    {
        var id = record.ApprovalId;
        for (var n = 0; n < record.History.Count; n++)
        {
            var entry = record.History[n];
            if (entry.To == ApprovalStates.Approved && SameActor(entry.Actor, record.RequestedBy))
            {
                findings.Add(new(ApprovalRules.SelfApproval, $"{id} was approved by its requester {entry.Actor} (history[{n}], {Stamp(entry.At)})"));
            }

            if (record.ExpiresAt is { } expires && entry.At > expires && Decisions.Contains(entry.To, StringComparer.Ordinal))
            {
                findings.Add(new(ApprovalRules.DecidedAfterExpiry, $"{id} moved to {entry.To} at {Stamp(entry.At)}, after it expired at {Stamp(expires)} (history[{n}])"));
            }
        }
    }

    /// <summary>Actor names compare case-insensitively and trimmed: "Ana" and " ana" are one person.</summary>
    public static bool SameActor(string? a, string? b) =>
        string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A time as shown in findings (UTC, seconds).</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

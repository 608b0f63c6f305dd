using System.Globalization;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Archive;

/// <summary>Which files an archive command would move: the runs of days before a date, or decided approvals older than some days.</summary>
public static class ArchiveCandidates
{
    /// <summary>The states <c>opsconsole approval archive</c> accepts (decided records only).</summary>
    public static readonly IReadOnlyList<string> DecidedStates = [ApprovalStates.Applied, ApprovalStates.Rejected, ApprovalStates.Expired];

    /// <summary>Every compliance report file (readable or not) of a run day before <paramref name="before"/>, with its day as period.</summary>
    public static IReadOnlyList<ArchiveCandidate> ComplianceBefore(string canonicalRoot, DateOnly before)
    {
        var found = new List<ArchiveCandidate>();
        var compliance = Path.Join(canonicalRoot, "compliance");
        if (!Directory.Exists(compliance))
        {
            return found;
        }

        foreach (var folder in Directory.EnumerateDirectories(compliance))
        {
            var day = Path.GetFileName(folder);
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date >= before
                || new DirectoryInfo(folder).LinkTarget is not null)
            {
                continue;
            }

            found.AddRange(Directory.EnumerateFiles(folder)
                .Select(f => $"compliance/{day}/{Path.GetFileName(f)}")
                .Where(rel => ArtifactKinds.Classify(rel) == ArtifactKind.ComplianceReport)
                .Select(rel => new ArchiveCandidate(rel, day)));
        }

        return found;
    }

    /// <summary>
    /// Readable approvals in the <paramref name="state"/> folder whose last history entry (when they reached that state) is
    /// more than <paramref name="olderThanDays"/> days before <paramref name="now"/>; the period is the month of the decision.
    /// </summary>
    public static IReadOnlyList<ArchiveCandidate> ApprovalsOlderThan(ArtifactStore store, string state, int olderThanDays, DateTimeOffset now)
    {
        var found = new List<ArchiveCandidate>();
        var folder = Path.Join(store.Root, "approvals", state);
        if (!DecidedStates.Contains(state) || !Directory.Exists(folder))
        {
            return found;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "approval-*.json"))
        {
            var rel = $"approvals/{state}/{Path.GetFileName(file)}";
            if (store.LoadDocument<ApprovalRecord>(rel) is not { History.Count: > 0 } approval || approval.State != state)
            {
                continue; // unreadable or inconsistent: shown as such on the console, never archived by guesswork
            }

            if ((now - approval.History[^1].At).TotalDays > olderThanDays)
            {
                var decided = ArchiveFacts.Decision(approval)?.At ?? approval.History[^1].At;
                found.Add(new ArchiveCandidate(rel, decided.ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture)));
            }
        }

        return found;
    }
}

using OpsConsole.Core.StopConditions;

namespace OpsConsole.Core.Archive;

/// <summary>
/// Why an archive may not move a set of files now: every stop condition that is not clear and names one of them, as a
/// trigger or as the unreadable input that keeps it unknown. Evidence of a condition must stay where the console and
/// the people acting on it look for it until the condition is resolved.
/// </summary>
public static class ArchiveRefusals
{
    /// <summary>"stop condition N (title) holds|cannot be ruled out: path: reason" for each such piece of evidence; empty when the move may go ahead.</summary>
    public static IReadOnlyList<string> Find(StopEvaluation evaluation, IEnumerable<string> paths)
    {
        var moving = paths.ToHashSet(StringComparer.Ordinal);
        var reasons = new List<string>();
        foreach (var condition in evaluation.Conditions.Where(c => !c.IsClear))
        {
            var name = $"stop condition {condition.Number} ({condition.Title})";
            reasons.AddRange(condition.Triggers.Where(e => moving.Contains(e.Path)).Select(e => $"{name} holds: {e.Path}: {e.Reason}"));
            reasons.AddRange(condition.UnreadableInputs.Where(e => moving.Contains(e.Path)).Select(e => $"{name} cannot be ruled out: {e.Path}: {e.Reason}"));
        }

        return reasons;
    }
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.StopConditions;

/// <summary>
/// Records in the change journal the set of stop conditions that are not clear, whenever that set changes,
/// so the shift digest can say which were raised or cleared and when.
/// </summary>
public static class StopConditionJournal
{
    /// <summary>
    /// The set as the journal stores it: "n:state" for each triggered or unknown condition, space-separated,
    /// in order ("" when all are clear).
    /// </summary>
    public static string Describe(StopEvaluation evaluation) =>
        string.Join(' ', evaluation.Conditions.Where(c => !c.IsClear).Select(c => $"{c.Number}:{c.State}"));

    /// <summary>
    /// Adds a row when the set differs from the last one recorded; returns true when it did. Nothing is
    /// recorded before the journal's baseline (the first full pass). The first row has no "before".
    /// </summary>
    public static bool Record(IndexDbContext db, StopEvaluation evaluation, DateTimeOffset at)
    {
        if (!db.ChangeJournal.AsNoTracking().Any(j => j.Change == ChangeKinds.Baseline))
        {
            return false;
        }

        var now = Describe(evaluation);
        var last = db.ChangeJournal.AsNoTracking().Where(j => j.Kind == ChangeKinds.StopConditionsKind)
            .OrderByDescending(j => j.Id).Select(j => new { j.StatusAfter }).FirstOrDefault();
        if (last is not null && last.StatusAfter == now)
        {
            return false;
        }

        db.ChangeJournal.Add(new ChangeJournalRecord
        {
            AtTicks = at.UtcTicks,
            Change = ChangeKinds.StopConditions,
            Kind = ChangeKinds.StopConditionsKind,
            StatusBefore = last?.StatusAfter,
            StatusAfter = now,
        });
        db.SaveChanges();
        return true;
    }

    /// <summary>Parses a stored set back into (number, state) pairs.</summary>
    public static IReadOnlyList<(int Number, string State)> Parse(string? set) =>
        string.IsNullOrEmpty(set) ? [] : [.. set.Split(' ').Select(p => p.Split(':')).Select(p => (int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1]))];
}

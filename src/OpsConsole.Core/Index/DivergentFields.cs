using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Index;

/// <summary>
/// The divergence field names of a compliance report as the index stores them (<see cref="ArtifactRecord.DivergentFields"/>,
/// <see cref="ChangeJournalRecord.NewDivergentFields"/>): distinct, ordinal order, one per line, redacted, null when there
/// is none. Stored so "which fields diverge newly" (the shift digest, the dashboard's "since yesterday") is a
/// comparison of two index rows, never a re-read of two report files.
/// </summary>
public static class DivergentFields
{
    private const char Separator = '\n';

    /// <summary>The stored form of <paramref name="divergences"/>' field names; null when there is none.</summary>
    public static string? Join(IEnumerable<Divergence> divergences) => Join(divergences.Select(d => d.Field));

    /// <summary>The stored form of <paramref name="fields"/>; null when there is none.</summary>
    public static string? Join(IEnumerable<string> fields)
    {
        // Redacted here, once: a field name is artifact text, and the index row is read by pages and exports.
        var names = fields.Select(f => SecretRedactor.Redact(f.Replace(Separator, ' ').Trim()) ?? "")
            .Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? null : string.Join(Separator, names);
    }

    /// <summary>The field names of a stored value (empty for null).</summary>
    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The fields of <paramref name="after"/> that <paramref name="before"/> does not list, stored form; null when none.</summary>
    public static string? Added(string? before, string? after)
    {
        var previous = Split(before).ToHashSet(StringComparer.Ordinal);
        return Join(Split(after).Where(f => !previous.Contains(f)));
    }
}

using System.Buffers;
using System.Text;

namespace OpsConsole.Core.Storage;

/// <summary>A secret-looking token found in a file. Holds only a masked form, never the value.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Pattern">Which pattern matched (e.g. "NETBOX_WRITE_TOKEN with a value").</param>
/// <param name="Masked">First 4 characters of the secret followed by a mask.</param>
public sealed record SecretHit(int Line, string Pattern, string Masked);

/// <summary>
/// Finds secret-looking tokens in a text (stop condition 1) with the catalogue in
/// <see cref="SecretRules"/>. Values must look real, so prose that mentions "token" or a placeholder
/// such as <c>NETBOX_WRITE_TOKEN="[TOKEN_FROM_APPROVER]"</c> does not trigger. This class sees one text;
/// <see cref="ArtifactSecrets"/> decides which texts of a file are scanned (raw and decoded).
/// </summary>
public static class SecretScanner
{
    /// <summary>The fixed mask that follows the first characters of a secret.</summary>
    public const string MaskText = "••••••••";

    // Every rule's needles in one set: one vectorised pass tells whether a text can hold any secret at
    // all. Most artifacts hold none, and the indexer scans every file.
    private static readonly SearchValues<string> AnyNeedle =
        SearchValues.Create(SecretRules.All.SelectMany(r => r.Needles).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="text"/> contains no literal any secret form needs (a fast "certainly clean").</summary>
    internal static bool CannotHoldSecret(ReadOnlySpan<char> text) => text.IndexOfAny(AnyNeedle) < 0;

    /// <summary>Scans text; returns every hit with its 1-based line and a masked value.</summary>
    public static IReadOnlyList<SecretHit> Scan(string text)
    {
        var found = Find(text);
        if (found.Count == 0)
        {
            return [];
        }

        var hits = new List<SecretHit>(found.Count);
        int line = 1, counted = 0;
        foreach (var f in found)
        {
            line += text.AsSpan(counted, f.MatchIndex - counted).Count('\n');
            counted = f.MatchIndex;
            hits.Add(new SecretHit(line, f.Rule.Name, Mask(f.Value(text).Trim())));
        }

        return hits;
    }

    /// <summary>Returns <paramref name="text"/> with the value of every hit replaced by its masked form.</summary>
    internal static string MaskAll(string text)
    {
        var found = Find(text);
        if (found.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var f in found.OrderBy(f => f.Index))
        {
            result.Append(text, at, f.Index - at);
            var value = f.Value(text);
            var trimmed = value.Trim();

            // A key block keeps its line breaks around the mask, so the END line stays on its own line.
            result.Append(value.Length > 0 && char.IsWhiteSpace(value[0]) ? value[..(value.Length - value.TrimStart().Length)] : "");
            result.Append(Mask(trimmed));
            result.Append(value.Length > trimmed.Length && char.IsWhiteSpace(value[^1]) ? value[value.TrimEnd().Length..] : "");
            at = f.Index + f.Length;
        }

        result.Append(text, at, text.Length - at);
        return result.ToString();
    }

    /// <summary>First 4 characters, then a fixed mask (the length is not revealed).</summary>
    public static string Mask(string value) => (value.Length <= 4 ? value[..Math.Min(1, value.Length)] : value[..4]) + MaskText;

    /// <summary>The accepted, non-overlapping secret values in <paramref name="text"/>, by position.</summary>
    internal static List<Found> Find(string text)
    {
        if (string.IsNullOrEmpty(text) || CannotHoldSecret(text))
        {
            return [];
        }

        var candidates = new List<Found>();
        for (var priority = 0; priority < SecretRules.All.Length; priority++)
        {
            var rule = SecretRules.All[priority];
            if (!rule.Needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            for (var match = rule.Regex.Match(text); match.Success; match = match.NextMatch())
            {
                var v = match.Groups["v"];
                if (rule.Accept is null || rule.Accept(v.Value))
                {
                    candidates.Add(new Found(rule, priority, match.Index, v.Index, v.Length));
                }
            }
        }

        // Two rules may see the same value ("Authorization: Token <hex>"): keep the first by position, then priority.
        candidates.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : a.Priority.CompareTo(b.Priority));
        var kept = new List<Found>(candidates.Count);
        var end = -1;
        foreach (var c in candidates)
        {
            if (c.Index >= end)
            {
                kept.Add(c);
                end = Math.Max(end, c.Index + c.Length);
            }
        }

        kept.Sort((a, b) => a.MatchIndex.CompareTo(b.MatchIndex));
        return kept;
    }

    /// <summary>One accepted value: the rule, where the whole match starts, and the span of the value.</summary>
    internal readonly record struct Found(SecretRule Rule, int Priority, int MatchIndex, int Index, int Length)
    {
        public string Value(string text) => text.Substring(Index, Length);
    }
}

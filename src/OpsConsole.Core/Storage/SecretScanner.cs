using System.Text.RegularExpressions;

namespace OpsConsole.Core.Storage;

/// <summary>A secret-looking token found in a file. Holds only a masked form, never the value.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Pattern">Which pattern matched (e.g. "NETBOX_WRITE_TOKEN assignment").</param>
/// <param name="Masked">First 4 characters of the secret followed by a mask.</param>
public sealed record SecretHit(int Line, string Pattern, string Masked);

/// <summary>
/// Finds secret-looking tokens (stop condition 1). Patterns require a real value, so prose that
/// mentions "token" or a placeholder such as <c>NETBOX_WRITE_TOKEN="[TOKEN_FROM_APPROVER]"</c> does not trigger.
/// </summary>
public static partial class SecretScanner
{
    // The optional quote after the name covers JSON/YAML keys ("NETBOX_WRITE_TOKEN": "..."). The value
    // class excludes '$', '[' and '<', so shell variables and placeholders are not secrets.
    [GeneratedRegex("""NETBOX_WRITE_TOKEN["']?\s*[=:]\s*["']?(?<v>[A-Za-z0-9_\-./+]{8,})""")]
    private static partial Regex WriteToken();

    [GeneratedRegex("""\bToken\s+(?<v>[0-9a-fA-F]{40})\b""")]
    private static partial Regex NetboxToken();

    [GeneratedRegex("""Authorization:\s*Bearer\s+(?<v>[A-Za-z0-9\-._~+/]{12,}=*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex("""-----BEGIN (?<v>(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----""")]
    private static partial Regex PrivateKey();

    // Each pattern with a literal every match must contain (ignoring case where the pattern does), so
    // a text without it is skipped for that pattern: most artifacts hold none of them, and the indexer
    // scans every file.
    private static readonly (string Name, Func<Regex> Regex, string Needle, StringComparison Comparison)[] Patterns =
    [
        ("NETBOX_WRITE_TOKEN with a value", WriteToken, "NETBOX_WRITE_TOKEN", StringComparison.Ordinal),
        ("NetBox API token (Token <40 hex>)", NetboxToken, "Token", StringComparison.Ordinal),
        ("Authorization: Bearer header", Bearer, "Bearer", StringComparison.OrdinalIgnoreCase),
        ("private key block", PrivateKey, "-----BEGIN ", StringComparison.Ordinal),
    ];

    /// <summary>Scans text line by line; returns every hit with a masked value.</summary>
    public static IReadOnlyList<SecretHit> Scan(string text)
    {
        var patterns = Patterns.Where(p => text.Contains(p.Needle, p.Comparison)).ToArray();
        if (patterns.Length == 0)
        {
            return [];
        }

        List<SecretHit>? hits = null;
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var s = line.ToString();
            foreach (var (name, regex, _, _) in patterns)
            {
                foreach (Match m in regex().Matches(s))
                {
                    (hits ??= []).Add(new SecretHit(lineNumber, name, Mask(m.Groups["v"].Value)));
                }
            }
        }

        return hits ?? (IReadOnlyList<SecretHit>)[];
    }

    /// <summary>Returns <paramref name="text"/> with the value of every hit replaced by its masked form.</summary>
    internal static string MaskAll(string text)
    {
        foreach (var (_, regex, needle, comparison) in Patterns)
        {
            if (!text.Contains(needle, comparison))
            {
                continue;
            }

            text = regex().Replace(text, m =>
            {
                var v = m.Groups["v"];
                return string.Concat(m.Value.AsSpan(0, v.Index - m.Index), Mask(v.Value), m.Value.AsSpan(v.Index - m.Index + v.Length));
            });
        }

        return text;
    }

    /// <summary>First 4 characters, then a fixed mask (the length is not revealed).</summary>
    public static string Mask(string value) => (value.Length <= 4 ? value[..Math.Min(1, value.Length)] : value[..4]) + "••••••••";
}

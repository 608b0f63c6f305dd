namespace OpsConsole.Core.Storage;

/// <summary>
/// Tells a real-looking secret value from a placeholder or filler, so prose and runbook templates
/// (<c>[TOKEN_FROM_APPROVER]</c>, <c>$NETBOX_WRITE_TOKEN</c>, <c>${TOKEN}</c>, <c>&lt;token&gt;</c>,
/// <c>changeme</c>, <c>xxxx</c>) never trigger stop condition 1.
/// </summary>
internal static class SecretValues
{
    // Words that mark a value as a stand-in, wherever they appear in it.
    private static readonly string[] Fillers =
    [
        "xxxx", "****", "••", "changeme", "change_me", "change-me", "placeholder", "redacted", "example",
        "dummy", "sample", "your_", "your-", "yourtoken", "token_from", "_here", "-here", "fixme", "replace_",
        "replace-", "notreal", "not_real", "not-a-real", "fake", "masked", "hidden", "...", "…",
    ];

    // Whole values that are words, not secrets (generic assignments only: "password: required").
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "secret", "token", "none", "null", "nil", "true", "false", "undefined", "empty",
        "required", "optional", "unset", "missing", "present", "rotated", "revoked", "expired", "n/a",
    };

    /// <summary>False for placeholders: shell/template variables, bracketed stand-ins, fillers, env-var names.</summary>
    public static bool IsReal(string value)
    {
        if (value.Length == 0 || "$[<{%@*(".Contains(value[0], StringComparison.Ordinal) || "]>}".Contains(value[^1], StringComparison.Ordinal))
        {
            return false;
        }

        if (Fillers.Any(f => value.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // "TOKEN_FROM_APPROVER", "NETBOX_TOKEN": the name of a variable, not its value.
        if (value.All(c => c is (>= 'A' and <= 'Z') or '_') && value.Contains('_', StringComparison.Ordinal))
        {
            return false;
        }

        return value.Distinct().Count() > 1;
    }

    /// <summary>A real value that mixes letters and digits, as generated tokens do (not a word in a sentence).</summary>
    public static bool IsRandomLooking(string value) =>
        IsReal(value) && value.Any(char.IsAsciiDigit) && value.Any(char.IsAsciiLetter);

    /// <summary>An AWS key id that is not the documentation example (…EXAMPLE) and is not a run of one letter.</summary>
    public static bool IsRealAwsKeyId(string value) =>
        !value.EndsWith("EXAMPLE", StringComparison.Ordinal) && Entropy(value) >= 3.0;

    /// <summary>
    /// The value of <c>password=</c>, <c>secret:</c>, <c>api_key=</c>…: a real value with letters and digits,
    /// not a word, not a date or number, and random enough (gitleaks' generic rule uses entropy the same way).
    /// </summary>
    public static bool IsGenericSecret(string value)
    {
        var trimmed = value.TrimEnd('.', ')', ']', '}', '"', '\'');
        if (Words.Contains(trimmed) || !IsRandomLooking(trimmed))
        {
            return false;
        }

        // Dates, times, versions and numbers: "2026-11-30T10:00:00Z", "1.2.3", "42".
        if (trimmed.All(c => char.IsAsciiDigit(c) || "-:.+TZtz/_ ".Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        // A path or URL is where a secret is kept, not the secret ("vault/kv/netbox", "https://…").
        if (trimmed.Contains("://", StringComparison.Ordinal) || trimmed.Count(c => c == '/') >= 2)
        {
            return false;
        }

        return Entropy(trimmed) >= 3.0;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        double entropy = 0;
        foreach (var n in counts.Values)
        {
            var p = (double)n / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }
}

namespace OpsConsole.Core.Executions;

/// <summary>The severity a log line carries in its prefix.</summary>
public enum LogLevel
{
    /// <summary>No ERROR or WARN word in the prefix (INFO, DEBUG, plain text).</summary>
    None = 0,
    Warn,
    Error,
}

/// <summary>
/// Reads the level of a log line: an upper-case word ERROR, FATAL or CRITICAL (error) or WARN, WARNING
/// (warn) standing alone within the first <see cref="PrefixLength"/> characters, where loggers write
/// their level (<c>2026-11-21 09:41:03.185 -03:00 ERROR [preflight] …</c>, <c>[WARN]</c>, <c>level=ERROR</c>).
/// The message itself is not searched, so "no ERROR found" in an INFO line is not an error line.
/// </summary>
public static class LogLevels
{
    /// <summary>How far into a line the level word may stand.</summary>
    public const int PrefixLength = 64;

    private static readonly (string Word, LogLevel Level)[] Words =
    [
        ("ERROR", LogLevel.Error), ("FATAL", LogLevel.Error), ("CRITICAL", LogLevel.Error),
        ("WARNING", LogLevel.Warn), ("WARN", LogLevel.Warn),
    ];

    /// <summary>The level of <paramref name="line"/>.</summary>
    public static LogLevel Of(ReadOnlySpan<char> line)
    {
        var prefix = line.Length > PrefixLength ? line[..PrefixLength] : line;
        foreach (var (word, level) in Words)
        {
            var from = 0;
            while (from < prefix.Length)
            {
                var at = prefix[from..].IndexOf(word, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                at += from;
                var end = at + word.Length;
                if ((at == 0 || IsBoundary(prefix[at - 1])) && (end >= line.Length || IsBoundary(line[end])))
                {
                    return level;
                }

                from = at + 1;
            }
        }

        return LogLevel.None;
    }

    /// <summary>The level of a UTF-8 line (only its prefix is decoded).</summary>
    public static LogLevel Of(ReadOnlySpan<byte> line)
    {
        Span<char> chars = stackalloc char[PrefixLength + 16];
        var take = Math.Min(line.Length, PrefixLength + 16);
        var n = System.Text.Encoding.UTF8.GetChars(line[..take], chars);
        return Of(chars[..n]);
    }

    /// <summary>The status catalogue word of a level (<c>log-error</c>, <c>log-warn</c>), or null for none.</summary>
    public static string? StatusWord(LogLevel level) => level switch
    {
        LogLevel.Error => "log-error",
        LogLevel.Warn => "log-warn",
        _ => null,
    };

    private static bool IsBoundary(char c) => !char.IsLetterOrDigit(c) && c != '_';
}

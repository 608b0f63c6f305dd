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
/// Reads the level of a log line: the first level word standing alone within the first
/// <see cref="PrefixLength"/> characters, where loggers write it (<c>2026-11-21 09:41:03.185 -03:00 ERROR [preflight] …</c>,
/// <c>[WARN]</c>, <c>level=ERROR</c>). ERROR, FATAL, CRITICAL are errors; WARN, WARNING are warnings; INFO,
/// DEBUG, TRACE, NOTICE are neither, so "INFO [verify] ERROR count 0" is not an error line. Upper case only.
/// </summary>
public static class LogLevels
{
    /// <summary>How far into a line the level word may stand.</summary>
    public const int PrefixLength = 64;

    private static readonly Dictionary<string, LogLevel> Words = new(StringComparer.Ordinal)
    {
        ["ERROR"] = LogLevel.Error,
        ["FATAL"] = LogLevel.Error,
        ["CRITICAL"] = LogLevel.Error,
        ["WARNING"] = LogLevel.Warn,
        ["WARN"] = LogLevel.Warn,
        ["INFO"] = LogLevel.None,
        ["DEBUG"] = LogLevel.None,
        ["TRACE"] = LogLevel.None,
        ["NOTICE"] = LogLevel.None,
    };

    private static readonly Dictionary<string, LogLevel>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The level of <paramref name="line"/>.</summary>
    public static LogLevel Of(ReadOnlySpan<char> line)
    {
        var prefix = line.Length > PrefixLength ? line[..PrefixLength] : line;
        var i = 0;
        while (i < prefix.Length)
        {
            if (!char.IsAsciiLetterUpper(prefix[i]) || (i > 0 && !IsBoundary(prefix[i - 1])))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < line.Length && char.IsAsciiLetterUpper(line[end]))
            {
                end++;
            }

            if ((end >= line.Length || IsBoundary(line[end])) && Lookup.TryGetValue(line[i..end], out var level))
            {
                return level;
            }

            i = end;
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

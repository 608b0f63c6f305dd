using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Executions;

/// <summary>
/// What one streaming pass over one version (length, last write) of an execution log learned: how many
/// lines it has, where every <see cref="CheckpointEvery"/>-th line starts (so a page of lines is found with
/// one seek and a short skip), its error and warning lines, whether it is valid UTF-8 and the secret-looking
/// tokens in it (masked). Built once per file version by <see cref="ExecutionLogReader"/> and cached;
/// its size is a few kilobytes whatever the size of the log.
/// </summary>
public sealed record LogLineIndex
{
    /// <summary>Lines between two checkpoints.</summary>
    public const int CheckpointEvery = 1024;

    /// <summary>File length the pass read (bytes).</summary>
    public required long Length { get; init; }

    /// <summary>Last write time of the version read (UTC ticks).</summary>
    public required long LastWriteTicks { get; init; }

    /// <summary>Number of lines (a last line without a newline counts).</summary>
    public required int LineCount { get; init; }

    /// <summary>Byte offset where line <c>1 + k × CheckpointEvery</c> starts, for each k.</summary>
    public required IReadOnlyList<long> Checkpoints { get; init; }

    public int ErrorCount { get; init; }
    public int WarnCount { get; init; }

    /// <summary>1-based number of the first error line, or null.</summary>
    public int? FirstErrorLine { get; init; }

    /// <summary>1-based number of the first warning line, or null.</summary>
    public int? FirstWarnLine { get; init; }

    /// <summary>True when an error or warning line says the run was blocked.</summary>
    public bool BlockedLine { get; init; }

    /// <summary>1-based number of the first line that is not valid UTF-8, or null when the whole file is.</summary>
    public int? InvalidUtf8Line { get; init; }

    /// <summary>Secret-looking tokens found (masked); any makes the file quarantined.</summary>
    public IReadOnlyList<SecretHit> Secrets { get; init; } = [];

    /// <summary>The outcome this log states by itself (<see cref="ExecutionOutcomes.FromLog"/>).</summary>
    public string Outcome => ExecutionOutcomes.FromLog(BlockedLine, ErrorCount);
}

/// <summary>One line of a log as a page shows it: redacted, cut to <see cref="ExecutionLogReader.MaxLineChars"/>.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Text">The redacted text.</param>
/// <param name="Level">Error, warning or none.</param>
/// <param name="Truncated">True when the line was longer than shown.</param>
public sealed record LogLine(int Number, string Text, LogLevel Level, bool Truncated);

/// <summary>Some lines of a log and the total they are a page of (all lines, or all matches of a filter).</summary>
public sealed record LogPage(IReadOnlyList<LogLine> Lines, int Total);

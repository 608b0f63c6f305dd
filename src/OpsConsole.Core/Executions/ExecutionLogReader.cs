using System.Text;
using Microsoft.Extensions.Caching.Memory;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Executions;

/// <summary>
/// Reads execution logs of any size by pages of lines. The artifact store's size cap is for documents
/// parsed whole; a log is streamed instead, through a path the store resolved (inside the root, symlinks
/// checked). Each file version gets one <see cref="LogLineIndex"/> (cached), after which a page costs one
/// seek and a short skip. Every line leaves through <see cref="SecretRedactor.Redact"/>. With
/// <paramref name="persisted"/>, an index the indexer stored for this version of the file is used instead of
/// a pass over the file, and an index built here is stored for the next process.
/// </summary>
public sealed class ExecutionLogReader(ArtifactStore store, LogLineIndexStore? persisted = null) : IDisposable
{
    /// <summary>Characters of one line a page shows; longer lines are cut (and say so).</summary>
    public const int MaxLineChars = 2000;

    /// <summary>Longest filter text.</summary>
    public const int MaxQueryLength = 200;

    // Bytes read per shown line: enough for MaxLineChars plus room for a secret straddling the cut, so the
    // cut is made after redaction and can never leave part of a token unmasked.
    private const int LineBytes = MaxLineChars * 4 + 512;

    private readonly MemoryCache _indexes = new(new MemoryCacheOptions { SizeLimit = 256 });

    /// <summary>
    /// The line index of the current version of <paramref name="relativePath"/>; null when the path is not an
    /// execution log inside the root or no regular file is there.
    /// </summary>
    public LogLineIndex? Index(string relativePath)
    {
        if (ArtifactKinds.Classify(relativePath) != ArtifactKind.ExecutionLog || store.Resolve(relativePath) is not { } full)
        {
            return null;
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return null;
        }

        var key = (relativePath, info.Length, info.LastWriteTimeUtc.Ticks);
        if (_indexes.TryGetValue(key, out LogLineIndex? cached) && cached is not null)
        {
            return cached;
        }

        var index = persisted?.Find(relativePath, key.Length, key.Ticks);
        if (index is null)
        {
            index = Build(full, key.Length, key.Ticks);
            persisted?.Save([(relativePath, index)]);
        }

        _indexes.Set(key, index, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return index;
    }

    /// <summary>
    /// A fresh line index of <paramref name="relativePath"/> (one streaming pass, nothing cached or stored); null
    /// when it is not an execution log inside the root or no regular file is there. The indexer calls this.
    /// </summary>
    public static LogLineIndex? BuildIndex(ArtifactStore store, string relativePath)
    {
        if (ArtifactKinds.Classify(relativePath) != ArtifactKind.ExecutionLog || store.Resolve(relativePath) is not { } full)
        {
            return null;
        }

        var info = new FileInfo(full);
        return info.Exists ? Build(full, info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }

    // A 0-byte entry is never opened (a FIFO reports 0 bytes and would block a read).
    private static LogLineIndex Build(string full, long length, long lastWriteTicks)
    {
        if (length == 0)
        {
            return new LogLineIndex { Length = 0, LastWriteTicks = lastWriteTicks, LineCount = 0, Checkpoints = [0] };
        }

        using var stream = Open(full);
        return LogLineIndexBuilder.Build(stream, length, lastWriteTicks);
    }

    /// <summary>Lines <paramref name="from"/> … <paramref name="from"/> + <paramref name="count"/> − 1 (1-based, clamped).</summary>
    public LogPage Read(string relativePath, LogLineIndex index, int from, int count)
    {
        if (index.LineCount == 0 || store.Resolve(relativePath) is not { } full)
        {
            return new LogPage([], index.LineCount);
        }

        from = Math.Clamp(from, 1, index.LineCount);
        var checkpoint = Math.Min((from - 1) / LogLineIndex.CheckpointEvery, index.Checkpoints.Count - 1);
        using var cursor = new LogLineCursor(full, index.Checkpoints[checkpoint], index.Length);
        for (var skip = from - 1 - (checkpoint * LogLineIndex.CheckpointEvery); skip > 0; skip--)
        {
            cursor.SkipLine();
        }

        var lines = new List<LogLine>(count);
        for (var number = from; number < from + count && number <= index.LineCount; number++)
        {
            if (cursor.ReadLine(LineBytes, out var truncated) is not { } bytes)
            {
                break;
            }

            lines.Add(Shown(number, bytes, truncated));
        }

        return new LogPage(lines, index.LineCount);
    }

    /// <summary>
    /// The lines whose redacted text contains <paramref name="query"/> (case-insensitive): matches
    /// <paramref name="skip"/> … <paramref name="skip"/> + <paramref name="count"/> − 1 and the number of matches.
    /// Matching the redacted text means a filter cannot be used to guess a masked secret.
    /// </summary>
    public LogPage Filter(string relativePath, LogLineIndex index, string query, int skip, int count)
    {
        if (index.LineCount == 0 || store.Resolve(relativePath) is not { } full)
        {
            return new LogPage([], 0);
        }

        var lines = new List<LogLine>(count);
        var matches = 0;
        using var cursor = new LogLineCursor(full, index.Checkpoints[0], index.Length);
        for (var number = 1; number <= index.LineCount; number++)
        {
            if (cursor.ReadLine(LineBytes, out var truncated) is not { } bytes)
            {
                break;
            }

            var line = Shown(number, bytes, truncated);
            if (!line.Text.Contains(query, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (matches >= skip && lines.Count < count)
            {
                lines.Add(line);
            }

            matches++;
        }

        return new LogPage(lines, matches);
    }

    private static LogLine Shown(int number, byte[] bytes, bool truncated)
    {
        var text = SecretRedactor.Redact(Encoding.UTF8.GetString(bytes));
        var cut = text.Length > MaxLineChars;
        return new LogLine(number, cut ? text[..MaxLineChars] : text, LogLevels.Of(text), truncated || cut);
    }

    private static FileStream Open(string full) =>
        new(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);

    /// <inheritdoc />
    public void Dispose() => _indexes.Dispose();
}

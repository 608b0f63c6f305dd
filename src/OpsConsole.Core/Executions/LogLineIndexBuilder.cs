using System.Buffers;
using System.Text;
using System.Text.Unicode;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Executions;

/// <summary>
/// Builds a <see cref="LogLineIndex"/> in one sequential pass with a fixed 1 MiB buffer: memory stays flat
/// for any log size. Complete lines are handled a buffer at a time (newline search, levels, UTF-8 check,
/// secret scan); a line longer than the buffer is scanned in segments that overlap by
/// <see cref="Overlap"/> bytes, so a secret cut by a segment edge is still found.
/// </summary>
internal sealed class LogLineIndexBuilder
{
    private const int ChunkBytes = 1024 * 1024;
    private const int Overlap = 4096;

    private readonly List<long> _checkpoints = [];
    private readonly HashSet<SecretHit> _secrets = [];
    private int _lines;
    private int _errors;
    private int _warnings;
    private int? _firstError;
    private int? _firstWarn;
    private int? _invalidLine;
    private bool _blocked;
    private bool _atLineStart = true;
    private LogLevel _pendingLevel;

    /// <summary>Reads at most <paramref name="length"/> bytes of <paramref name="stream"/> (a growing file is not chased).</summary>
    public static LogLineIndex Build(Stream stream, long length, long lastWriteTicks)
    {
        var builder = new LogLineIndexBuilder();
        builder.Run(stream, length);
        return new LogLineIndex
        {
            Length = length,
            LastWriteTicks = lastWriteTicks,
            LineCount = builder._lines,
            Checkpoints = builder._checkpoints,
            ErrorCount = builder._errors,
            WarnCount = builder._warnings,
            FirstErrorLine = builder._firstError,
            FirstWarnLine = builder._firstWarn,
            BlockedLine = builder._blocked,
            InvalidUtf8Line = builder._invalidLine,
            Secrets = [.. builder._secrets.OrderBy(h => h.Line)],
        };
    }

    private void Run(Stream stream, long length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long bufferStart = 0; // file offset of buffer[0]
            int filled = 0, consumed = 0;
            long remaining = length;
            var first = true;
            while (true)
            {
                var n = remaining <= 0 ? 0 : stream.Read(buffer, filled, (int)Math.Min(ChunkBytes - filled, remaining));
                remaining -= n;
                filled += n;
                if (first)
                {
                    first = false;
                    consumed = buffer.AsSpan(0, filled).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
                    _checkpoints.Add(consumed);
                }

                var eof = n == 0;
                var pending = buffer.AsSpan(consumed, filled - consumed);
                var lastNewline = pending.LastIndexOf((byte)'\n');
                if (lastNewline >= 0)
                {
                    Lines(pending[..(lastNewline + 1)], bufferStart + consumed);
                    consumed += lastNewline + 1;
                }
                else if (eof)
                {
                    if (!pending.IsEmpty)
                    {
                        Lines(pending, bufferStart + consumed);
                    }

                    return;
                }
                else if (filled == ChunkBytes)
                {
                    // One line fills the whole buffer: scan this segment, keep an overlap for the next one.
                    var keep = CharBoundary(pending, Math.Max(0, pending.Length - Overlap));
                    Segment(pending);
                    consumed += keep;
                }

                if (eof && consumed == filled)
                {
                    return;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                bufferStart += consumed;
                filled -= consumed;
                consumed = 0;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // A run of complete lines (the last may lack its newline at end of file).
    private void Lines(ReadOnlySpan<byte> chunk, long chunkOffset)
    {
        var firstLine = _lines + 1;
        var valid = Utf8.IsValid(chunk);
        var pos = 0;
        while (pos < chunk.Length)
        {
            var nl = chunk[pos..].IndexOf((byte)'\n');
            var line = nl < 0 ? chunk[pos..] : chunk.Slice(pos, nl);
            var number = ++_lines;
            var level = _atLineStart ? LogLevels.Of(line) : _pendingLevel;
            Count(level, number, line);
            if (!valid && _invalidLine is null && !Utf8.IsValid(line))
            {
                _invalidLine = number;
            }

            pos = nl < 0 ? chunk.Length : pos + nl + 1;
            _atLineStart = true;
            if (number % LogLineIndex.CheckpointEvery == 0)
            {
                _checkpoints.Add(chunkOffset + pos);
            }
        }

        ScanSecrets(chunk, firstLine);
    }

    // Part of a line longer than the buffer: its level is read from its first segment only.
    private void Segment(ReadOnlySpan<byte> segment)
    {
        if (_atLineStart)
        {
            _pendingLevel = LogLevels.Of(segment);
            _atLineStart = false;
        }

        var whole = segment[..CharBoundary(segment, segment.Length)];
        if (_invalidLine is null && !Utf8.IsValid(whole))
        {
            _invalidLine = _lines + 1;
        }

        ScanSecrets(whole, _lines + 1);
    }

    private void Count(LogLevel level, int number, ReadOnlySpan<byte> line)
    {
        if (level == LogLevel.None)
        {
            return;
        }

        if (level == LogLevel.Error)
        {
            _errors++;
            _firstError ??= number;
        }
        else
        {
            _warnings++;
            _firstWarn ??= number;
        }

        _blocked |= Encoding.UTF8.GetString(line).Contains("blocked", StringComparison.OrdinalIgnoreCase);
    }

    // The whole chunk is scanned at once (most have no candidate at all); lines are numbered only on a hit.
    private void ScanSecrets(ReadOnlySpan<byte> chunk, int firstLine)
    {
        var text = Encoding.UTF8.GetString(chunk);
        if (SecretScanner.Scan(text).Count == 0)
        {
            return;
        }

        var number = firstLine;
        foreach (var line in text.Split('\n'))
        {
            foreach (var hit in SecretScanner.Scan(line))
            {
                _secrets.Add(hit with { Line = number });
            }

            number++;
        }
    }

    // The largest index ≤ at that does not split a UTF-8 sequence.
    private static int CharBoundary(ReadOnlySpan<byte> bytes, int at)
    {
        var i = at;
        while (i > 0 && i > at - 4 && i < bytes.Length && (bytes[i] & 0xC0) == 0x80)
        {
            i--;
        }

        return i;
    }
}

namespace OpsConsole.Core.Executions;

/// <summary>
/// Reads lines forward from a byte offset of a file with a small fixed buffer, never past a byte limit.
/// Only up to a caller-given number of bytes of each line is kept; the rest is skipped without being stored.
/// </summary>
internal sealed class LogLineCursor : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private long _remaining;
    private int _pos;
    private int _len;

    public LogLineCursor(string fullPath, long offset, long limit)
    {
        _stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        _stream.Seek(offset, SeekOrigin.Begin);
        _remaining = Math.Max(0, limit - offset);
    }

    /// <summary>Skips one line; false at the end.</summary>
    public bool SkipLine() => ReadLine(0, out _) is not null;

    /// <summary>The next line's first <paramref name="maxBytes"/> bytes (without the newline or a trailing CR), or null at the end.</summary>
    public byte[]? ReadLine(int maxBytes, out bool truncated)
    {
        truncated = false;
        using var kept = new MemoryStream();
        var any = false;
        while (true)
        {
            if (_pos == _len && !Fill())
            {
                return any ? Finish(kept) : null;
            }

            any = true;
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var nl = span.IndexOf((byte)'\n');
            var part = nl < 0 ? span : span[..nl];
            var room = (int)Math.Max(0, maxBytes - kept.Length);
            if (part.Length > room)
            {
                truncated = true;
            }

            kept.Write(part[..Math.Min(part.Length, room)]);
            _pos += nl < 0 ? span.Length : nl + 1;
            if (nl >= 0)
            {
                return Finish(kept);
            }
        }
    }

    private static byte[] Finish(MemoryStream kept)
    {
        var bytes = kept.ToArray();
        return bytes is [.., (byte)'\r'] ? bytes[..^1] : bytes;
    }

    private bool Fill()
    {
        if (_remaining <= 0)
        {
            return false;
        }

        _len = _stream.Read(_buffer, 0, (int)Math.Min(_buffer.Length, _remaining));
        _pos = 0;
        _remaining -= _len;
        return _len > 0;
    }

    public void Dispose() => _stream.Dispose();
}

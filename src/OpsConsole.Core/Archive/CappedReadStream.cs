namespace OpsConsole.Core.Archive;

/// <summary>
/// A forward-only read of another stream that fails with <see cref="InvalidDataException"/> once more than
/// <paramref name="cap"/> bytes came through: a reader can then parse a zip entry as it inflates, without holding it
/// whole, and a hostile entry still cannot make it inflate without limit (its stated size may lie).
/// </summary>
internal sealed class CappedReadStream(Stream inner, long cap) : Stream
{
    private long _read;

    /// <summary>True once the cap was passed (the read that passed it threw).</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _read += read;
        if (_read > cap)
        {
            Exceeded = true;
            throw new InvalidDataException($"more than {cap} bytes");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

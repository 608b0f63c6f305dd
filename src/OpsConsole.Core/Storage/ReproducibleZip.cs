using System.IO.Compression;

namespace OpsConsole.Core.Storage;

/// <summary>
/// Writes zip entries whose bytes depend only on their names, contents and one given time (never the clock or
/// the files' own times), so the same inputs give the same archive. Shared by the evidence pack and the archive bundles.
/// </summary>
public static class ReproducibleZip
{
    /// <summary>The earliest time a zip entry can carry (DOS date, 1980-01-01).</summary>
    public static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Adds one entry stamped <paramref name="timestamp"/> (whole seconds, UTC, never before 1980), deflated at <paramref name="level"/>.</summary>
    public static void Add(ZipArchive zip, string name, ReadOnlySpan<byte> bytes, DateTimeOffset timestamp, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = Stamp(timestamp);
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    /// <summary>A whole archive in memory, entries in the given order.</summary>
    public static byte[] Create(IEnumerable<(string Name, byte[] Bytes)> contents, DateTimeOffset timestamp)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in contents)
            {
                Add(zip, name, bytes, timestamp);
            }
        }

        return buffer.ToArray();
    }

    /// <summary><paramref name="time"/> in UTC, whole seconds, never before <see cref="Epoch"/>.</summary>
    public static DateTimeOffset Stamp(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var whole = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return whole < Epoch ? Epoch : whole;
    }
}

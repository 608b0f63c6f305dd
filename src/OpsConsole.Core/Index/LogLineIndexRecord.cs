namespace OpsConsole.Core.Index;

/// <summary>
/// The stored <see cref="Executions.LogLineIndex"/> of one execution log (see <see cref="Executions.LogLineIndexStore"/>),
/// valid for the file version with this length and last write time.
/// </summary>
public sealed class LogLineIndexRecord
{
    /// <summary>Root-relative path of the log; the key.</summary>
    public string Path { get; set; } = "";

    /// <summary>File length the index was built from (bytes).</summary>
    public long Length { get; set; }

    /// <summary>Last write time the index was built from (UTC ticks).</summary>
    public long LastWriteTicks { get; set; }

    /// <summary>The index as JSON (a few kilobytes whatever the size of the log).</summary>
    public string Json { get; set; } = "";
}

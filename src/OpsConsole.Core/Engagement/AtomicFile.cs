namespace OpsConsole.Core.Engagement;

/// <summary>
/// Replaces a file so readers see either the old or the new content, never a half-written one:
/// the new content goes to a dot-file in the same folder (the indexer ignores dot-files), is
/// flushed to disk, then renamed over the target (a rename within one file system is atomic).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="fullPath"/> atomically.</summary>
    /// <param name="fullPath">The target (already resolved inside the artifact root).</param>
    /// <param name="content">The whole new file.</param>
    /// <param name="afterTempWritten">Test seam: runs after the temp file is on disk, before the rename.</param>
    /// <param name="overwrite">False to create only: the rename then fails with <see cref="IOException"/> when the target exists.</param>
    public static void Replace(string fullPath, ReadOnlySpan<byte> content, Action<string>? afterTempWritten = null, bool overwrite = true)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            afterTempWritten?.Invoke(temp);
            File.Move(temp, fullPath, overwrite);
        }
        catch
        {
            // The target is untouched; only the temp file may be left behind, and it is removed here.
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover dot-file is harmless: it is never indexed, served or read back.
        }
    }
}

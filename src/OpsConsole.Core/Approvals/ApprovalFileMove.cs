using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Approvals;

/// <summary>
/// Moves a record to its new state folder so that a crash at any point leaves one valid record:
/// <list type="number">
/// <item>write the new bytes to a dot temp file in the target folder and flush them to disk
/// (a crash here leaves the old record plus an ignored temp file, removed on the next command);</item>
/// <item>rename the temp file to its final name, atomically (a crash here leaves old and new
/// record; the new one's history extends the old one's, which is how the repair tells them apart);</item>
/// <item>delete the old record.</item>
/// </list>
/// Callers hold the id's <see cref="ApprovalLock"/>.
/// </summary>
public static class ApprovalFileMove
{
    /// <summary>Moves <paramref name="fromRel"/> to <paramref name="toRel"/> with content <paramref name="bytes"/>.</summary>
    public static void Move(ArtifactStore store, string fromRel, string toRel, string id, byte[] bytes)
    {
        var from = store.Resolve(fromRel) ?? throw new IOException($"{fromRel} is not usable inside the artifact root");
        var to = store.Resolve(toRel) ?? throw new IOException($"{toRel} is not usable inside the artifact root");
        var folder = Path.GetDirectoryName(to)!;
        Directory.CreateDirectory(folder);
        if (File.Exists(to))
        {
            throw new IOException($"{toRel} already exists; refusing to overwrite it");
        }

        var temp = Path.Join(folder, $"{ApprovalPaths.TempPrefix(id)}{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, to, overwrite: false);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        File.Delete(from);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temp file is a dot file, ignored by the index; the next command under the lock removes it.
        }
    }
}

namespace OpsConsole.Core.Storage;

/// <summary>What sits at a listed path, links not followed: how the indexer tells a refused entry from one that is gone.</summary>
public sealed partial class ArtifactStore
{
    /// <summary>
    /// True when something that is not a folder sits at <paramref name="relativePath"/> (a file, or a link
    /// to anything, even one that leaves the root or dangles). Does not follow the path's links: the
    /// indexer asks this to tell a refused entry, which it records, from one that is gone.
    /// </summary>
    public bool HasFileEntry(string relativePath) => HasFileEntry(relativePath, folder => Resolve(folder) is not null);

    /// <summary>
    /// The paths among <paramref name="relativePaths"/> for which <see cref="HasFileEntry(string)"/> holds, each folder
    /// resolved once: an archive run refreshes a day's 10,000 paths of one folder at a time.
    /// </summary>
    public List<string> WithFileEntries(IEnumerable<string> relativePaths)
    {
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool FolderAllowed(string folder)
        {
            if (!allowed.TryGetValue(folder, out var ok))
            {
                allowed[folder] = ok = Resolve(folder) is not null;
            }

            return ok;
        }

        return [.. relativePaths.Where(p => HasFileEntry(p, FolderAllowed))];
    }

    private bool HasFileEntry(string relativePath, Func<string, bool> folderAllowed)
    {
        // Below a folder that is itself refused (a link leaving the root) nothing is listed: the folder is.
        var lexical = Lexical(relativePath);
        var folder = relativePath.LastIndexOf('/') is var slash and > 0 ? relativePath[..slash] : null;
        return lexical is not null && (folder is null || folderAllowed(folder))
            && (File.Exists(lexical) || (LinkTarget(lexical) is not null && !Directory.Exists(lexical)));
    }

    /// <summary>
    /// Why an entry listed under the root cannot be read as an artifact ("link leaves the root", "link target
    /// does not exist", ...); null when nothing is there any more (removed meanwhile).
    /// </summary>
    public string? RefusalReason(string relativePath)
    {
        if (!HasFileEntry(relativePath))
        {
            return null;
        }

        if (SafePath.Explain(Root, relativePath) is { } why)
        {
            return why;
        }

        var full = Resolve(relativePath)!;
        return File.Exists(full) ? "the entry is not a regular file" : "link target does not exist";
    }

    // The path as written below the root, links not followed; null when it would leave the root lexically.
    private string? Lexical(string relativePath)
    {
        var full = Path.GetFullPath(Path.Join(Root, relativePath));
        return SafePath.IsInside(Root, full) && full != Root ? full : null;
    }

    private static string? LinkTarget(string full)
    {
        try
        {
            return new FileInfo(full).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

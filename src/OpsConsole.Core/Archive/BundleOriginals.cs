using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Archive;

/// <summary>
/// Finds and reads the originals of one bundle, when it is written and again when its originals are removed. They lie
/// in one folder or a few (a day's folder holds 10,000 reports at NOC scale), so each folder is resolved through
/// <see cref="SafePath"/> once rather than every component of every file's path (a third of the archive's time went
/// there), and resolved again after the last read: a folder replaced by a link meanwhile fails the bundle, which is then
/// never renamed into place. Each file gets one lstat; a link is never archived (its bytes live elsewhere). Safe to use
/// from several threads at once (the removals run in parallel).
/// </summary>
internal sealed class BundleOriginals(string canonicalRoot)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _realFolders = new(StringComparer.Ordinal);

    /// <summary>The bytes of the original at root-relative <paramref name="rel"/>, or null when it is gone, refused or a link.</summary>
    public byte[]? Read(string rel) => FullPathOf(rel) is { } full ? ReadFile(full) : null;

    /// <summary>
    /// Where the original at root-relative <paramref name="rel"/> is: its real folder (links resolved, inside the root)
    /// joined with its name; null when the path is malformed or its folder is refused.
    /// </summary>
    public string? FullPathOf(string rel)
    {
        if (!SafePath.IsWellFormed(rel))
        {
            return null;
        }

        var slash = rel.LastIndexOf('/');
        var real = _realFolders.GetOrAdd(slash < 0 ? "" : rel[..slash], RealFolder);
        return real is null ? null : Path.Join(real, rel[(slash + 1)..]);
    }

    /// <summary>Throws when a folder read from no longer resolves to the real folder it resolved to before.</summary>
    public void CheckFoldersUnchanged()
    {
        foreach (var (folder, real) in _realFolders)
        {
            if (real is not null && !string.Equals(RealFolder(folder), real, StringComparison.Ordinal))
            {
                throw new IOException($"{(folder.Length == 0 ? "the root" : folder)} was replaced while it was archived; the bundle was not kept");
            }
        }
    }

    /// <summary>The bytes of the file at <paramref name="full"/> (already resolved inside the root), or null when it is gone or a link.</summary>
    public static byte[]? ReadFile(string full)
    {
        try
        {
            var info = new FileInfo(full);
            return info.Exists && !info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? File.ReadAllBytes(full) : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string? RealFolder(string folder) => folder.Length == 0 ? canonicalRoot : SafePath.ResolveReal(canonicalRoot, folder);
}

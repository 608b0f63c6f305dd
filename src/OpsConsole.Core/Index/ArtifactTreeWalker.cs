using System.IO.Enumeration;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Index;

/// <summary>One regular file (or file link) found under the root.</summary>
/// <param name="Rel">Root-relative path, forward slashes.</param>
/// <param name="Size">Length in bytes, as listed.</param>
/// <param name="MtimeTicks">Last write time, UTC ticks, as listed.</param>
public readonly record struct WalkedFile(string Rel, long Size, long MtimeTicks);

/// <summary>A folder the walk could not enter, with the reason (recorded as unreadable input).</summary>
/// <param name="Rel">Root-relative path of the folder.</param>
/// <param name="Reason">Why, e.g. "link leaves the root" or "the folder cannot be read (permission denied)".</param>
/// <param name="MtimeTicks">Last write time of the folder entry, when known (lets a pass skip an unchanged record).</param>
public readonly record struct UnreadableFolder(string Rel, string Reason, long MtimeTicks);

/// <summary>What one walk of the root found: files to index, and folders it could not enter.</summary>
public sealed record TreeWalk(List<WalkedFile> Files, List<UnreadableFolder> UnreadableFolders);

/// <summary>One entry of a folder listing.</summary>
/// <param name="Name">File or folder name.</param>
/// <param name="IsDirectory">True for a folder (for a link: true when the target is a folder).</param>
/// <param name="IsLink">True for a symbolic link.</param>
/// <param name="Size">Length in bytes (files).</param>
/// <param name="MtimeTicks">Last write time, UTC ticks.</param>
public readonly record struct FolderEntry(string Name, bool IsDirectory, bool IsLink, long Size, long MtimeTicks);

/// <summary>
/// Walks the artifact root folder by folder. Dot-files and dot-folders are skipped. A folder link whose
/// real target stays inside the root is entered (the layout may be assembled from links); one leaving the
/// root, or a folder that cannot be listed, is reported as <see cref="UnreadableFolder"/> instead of
/// vanishing, so what it may hide reads "unknown". A link back into one of its own ancestors is not
/// entered again: everything below it is already walked from its real place.
/// </summary>
public class ArtifactTreeWalker
{
    /// <summary>The shared instance (no state).</summary>
    public static readonly ArtifactTreeWalker Default = new();

    /// <summary>Walks <paramref name="canonicalRoot"/>.</summary>
    public TreeWalk Walk(string canonicalRoot)
    {
        var files = new List<WalkedFile>();
        var unreadable = new List<UnreadableFolder>();
        var pending = new Stack<string>();
        pending.Push("");
        while (pending.TryPop(out var folder))
        {
            List<FolderEntry> entries;
            try
            {
                entries = [.. List(folder.Length == 0 ? canonicalRoot : Path.Join(canonicalRoot, folder))];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (folder.Length == 0)
                {
                    throw; // the root itself: the caller reports the root as unavailable
                }

                unreadable.Add(new(folder, ex is UnauthorizedAccessException
                    ? "the folder cannot be read (permission denied)"
                    : $"the folder cannot be read ({ex.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)})", 0));
                continue;
            }

            foreach (var e in entries)
            {
                if (e.Name.StartsWith('.'))
                {
                    continue;
                }

                var rel = folder.Length == 0 ? e.Name : folder + "/" + e.Name;
                if (!e.IsDirectory)
                {
                    files.Add(new(rel, e.Size, e.MtimeTicks));
                }
                else if (!e.IsLink)
                {
                    pending.Push(rel);
                }
                else if (FollowLink(canonicalRoot, rel) is { } refusal)
                {
                    if (refusal.Length > 0)
                    {
                        unreadable.Add(new(rel, refusal, e.MtimeTicks));
                    }
                }
                else
                {
                    pending.Push(rel);
                }
            }
        }

        return new TreeWalk(files, unreadable);
    }

    /// <summary>
    /// Lists one folder. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>
    /// when it cannot be read (tests override this to inject such a failure, since root reads everything).
    /// </summary>
    protected virtual IEnumerable<FolderEntry> List(string fullPath)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        var listing = new FileSystemEnumerable<FolderEntry>(fullPath, (ref FileSystemEntry e) =>
        {
            var isLink = (e.Attributes & FileAttributes.ReparsePoint) != 0;
            // A link's own entry says nothing about its target: ask the file system (links are rare).
            var isDirectory = isLink ? Directory.Exists(e.ToFullPath()) : e.IsDirectory;
            return new FolderEntry(e.FileName.ToString(), isDirectory, isLink, isDirectory ? 0 : e.Length, e.LastWriteTimeUtc.UtcTicks);
        }, options);
        return listing;
    }

    /// <summary>Null to enter the folder link; "" to skip it silently (a loop); else why it is unreadable.</summary>
    private static string? FollowLink(string canonicalRoot, string rel)
    {
        if (SafePath.Explain(canonicalRoot, rel) is { } refusal)
        {
            return refusal;
        }

        var target = SafePath.ResolveReal(canonicalRoot, rel)!;
        var parts = rel.Split('/');
        for (var n = 0; n < parts.Length; n++)
        {
            var ancestor = n == 0 ? canonicalRoot : SafePath.ResolveReal(canonicalRoot, string.Join('/', parts[..n]));
            if (ancestor is not null && SafePath.IsInside(target, ancestor))
            {
                return "";
            }
        }

        return null;
    }
}

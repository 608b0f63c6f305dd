namespace OpsConsole.Core.Storage;

/// <summary>
/// Resolves root-relative paths strictly inside the artifact root. This is the only place that
/// turns user-supplied text into a file-system path, so every guard against traversal lives here.
/// </summary>
public static class SafePath
{
    /// <summary>Longest relative path accepted.</summary>
    public const int MaxLength = 512;

    /// <summary>
    /// Checks the shape of a relative path without touching the disk: forward slashes only, no
    /// <c>.</c>/<c>..</c>/empty segments, no rooted or drive paths, no control characters, no
    /// backslash, colon, percent (a still-encoded value), or replacement characters.
    /// </summary>
    public static bool IsWellFormed(string? relative)
    {
        if (string.IsNullOrEmpty(relative) || relative.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in relative)
        {
            if (char.IsControl(c) || c is '\\' or ':' or '%' or '\uFFFD' or '*' or '?' or '"' or '<' or '>' or '|'
                || char.IsSurrogate(c) || c is '\u2024' or '\u2025' or '\uFF0E' or '\uFF0F' or '\u2215' or '\u29F8')
            {
                return false;
            }
        }

        if (relative[0] == '/' || relative[0] == '~' || relative[^1] == '/')
        {
            return false;
        }

        foreach (var segment in relative.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.Trim().Length != segment.Length)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Resolves <paramref name="relative"/> under <paramref name="canonicalRoot"/> (already
    /// canonical, symlinks resolved). Returns null when the path is malformed, escapes the root
    /// lexically, or passes through a symbolic link whose final target lies outside the root.
    /// The file need not exist.
    /// </summary>
    public static string? Resolve(string canonicalRoot, string? relative)
    {
        if (!IsWellFormed(relative))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Join(canonicalRoot, relative));
        if (!IsInside(canonicalRoot, full))
        {
            return null;
        }

        // Walk each component: a link anywhere on the way may point outside the root.
        var current = canonicalRoot;
        foreach (var segment in relative!.Split('/'))
        {
            current = Path.Join(current, segment);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (!info.Exists)
            {
                return full;
            }

            if (info.LinkTarget is not null)
            {
                FileSystemInfo? target;
                try
                {
                    target = info.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    return null;
                }

                if (target is null || !IsInside(canonicalRoot, Path.GetFullPath(target.FullName)))
                {
                    return null;
                }
            }
        }

        return full;
    }

    /// <summary>True when <paramref name="full"/> is the root itself or below it.</summary>
    public static bool IsInside(string canonicalRoot, string full) =>
        full.Equals(canonicalRoot, StringComparison.Ordinal)
        || full.StartsWith(canonicalRoot.EndsWith('/') ? canonicalRoot : canonicalRoot + "/", StringComparison.Ordinal);

    /// <summary>Makes a root path absolute and resolves symlinks on it, so comparisons are exact.</summary>
    public static string Canonicalize(string root)
    {
        var full = Path.GetFullPath(root).TrimEnd('/');
        if (full.Length == 0)
        {
            full = "/";
        }

        var info = new DirectoryInfo(full);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(true) is { } target)
        {
            full = Path.GetFullPath(target.FullName).TrimEnd('/');
        }

        // Resolve links in parent folders too (e.g. /tmp -> /private/tmp).
        var parent = Path.GetDirectoryName(full);
        return parent is null || parent == full ? full : Path.Join(CanonicalizeParent(parent), Path.GetFileName(full));
    }

    private static string CanonicalizeParent(string path)
    {
        var info = new DirectoryInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(true) is { } target)
        {
            return Path.GetFullPath(target.FullName).TrimEnd('/');
        }

        var parent = Path.GetDirectoryName(path);
        return parent is null || parent == path ? path : Path.Join(CanonicalizeParent(parent), Path.GetFileName(path));
    }

    /// <summary>The root-relative form (forward slashes) of a full path inside the root.</summary>
    public static string ToRelative(string canonicalRoot, string full) =>
        Path.GetRelativePath(canonicalRoot, full).Replace('\\', '/');
}

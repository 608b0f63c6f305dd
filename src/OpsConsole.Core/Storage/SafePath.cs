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
    public static string? Resolve(string canonicalRoot, string? relative) =>
        Follow(canonicalRoot, relative, out _, out _) is null ? Path.GetFullPath(Path.Join(canonicalRoot, relative)) : null;

    /// <summary>
    /// Where <paramref name="relative"/> really is (every link followed), or null when <see cref="Resolve"/>
    /// refuses it. Lets a walker of the tree recognise a folder link that loops back into its own ancestors.
    /// </summary>
    public static string? ResolveReal(string canonicalRoot, string? relative) =>
        Follow(canonicalRoot, relative, out var real, out _) is null ? real : null;

    /// <summary>
    /// Why <see cref="Resolve"/> refuses <paramref name="relative"/>, in words an operator can act on
    /// ("link leaves the root"); null when it is allowed.
    /// </summary>
    public static string? Explain(string canonicalRoot, string? relative) => Follow(canonicalRoot, relative, out _, out _);

    /// <summary>The refusal reasons <see cref="Explain"/> returns.</summary>
    public static class Refusals
    {
        /// <summary>The name breaks the shape rules of <see cref="IsWellFormed"/>.</summary>
        public const string Malformed = "the name is not accepted by the console's safe-path rules (control characters, backslash, colon, percent, a segment with leading or trailing spaces, or over 512 characters)";

        /// <summary>A symbolic link on the way points outside the root.</summary>
        public const string LeavesRoot = "link leaves the root";

        /// <summary>A link loop or a link that cannot be read.</summary>
        public const string Unresolvable = "link cannot be followed (a loop of links, or a link that cannot be read)";
    }

    // Follows the path the way the kernel will: each component from the real folder reached so far.
    // A link anywhere on the way may point outside the root, and a relative link target counts from
    // the link's real folder, not from the (possibly symlinked) path that reached it.
    private static string? Follow(string canonicalRoot, string? relative, out string real, out string lexical)
    {
        real = lexical = canonicalRoot;
        if (!IsWellFormed(relative))
        {
            return Refusals.Malformed;
        }

        lexical = Path.GetFullPath(Path.Join(canonicalRoot, relative));
        if (!IsInside(canonicalRoot, lexical))
        {
            return Refusals.Malformed;
        }

        var current = canonicalRoot;
        foreach (var segment in relative!.Split('/'))
        {
            var next = RealPath(current, segment);
            if (next is null)
            {
                return Refusals.Unresolvable;
            }

            if (!IsInside(canonicalRoot, next))
            {
                return Refusals.LeavesRoot;
            }

            current = next;
        }

        real = current;
        return null;
    }

    private const int MaxLinkHops = 40;

    /// <summary>
    /// Where <paramref name="relative"/> below the real (link-free) folder <paramref name="realBase"/> really
    /// is, following every symbolic link as realpath(3) does. Parts that do not exist are kept as written.
    /// Null on a link loop or an unreadable link.
    /// </summary>
    private static string? RealPath(string realBase, string relative)
    {
        var pending = new Stack<string>(relative.Split('/').Reverse());
        var resolved = realBase;
        var hops = 0;
        while (pending.TryPop(out var name))
        {
            if (name is "" or ".")
            {
                continue;
            }

            if (name == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            var next = Path.Join(resolved, name);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                resolved = "/";
            }

            foreach (var part in target.Split('/').Reverse())
            {
                pending.Push(part);
            }
        }

        return resolved;
    }

    /// <summary>True when <paramref name="full"/> is the root itself or below it.</summary>
    public static bool IsInside(string canonicalRoot, string full) =>
        full.Equals(canonicalRoot, StringComparison.Ordinal)
        || full.StartsWith(canonicalRoot.EndsWith('/') ? canonicalRoot : canonicalRoot + "/", StringComparison.Ordinal);

    /// <summary>Makes a root path absolute and resolves symlinks on it, so comparisons are exact.</summary>
    public static string Canonicalize(string root)
    {
        var full = Path.GetFullPath(root);
        var real = RealPath("/", full) ?? full;
        return real.Length > 1 ? real.TrimEnd('/') : real;
    }

    /// <summary>The root-relative form (forward slashes) of a full path inside the root.</summary>
    public static string ToRelative(string canonicalRoot, string full) =>
        Path.GetRelativePath(canonicalRoot, full).Replace('\\', '/');
}

using System.Text.RegularExpressions;
using OpsConsole.Core.Operations;

namespace OpsConsole.Web.Infrastructure;

/// <summary>
/// Which artifacts may be downloaded: only safe text kinds, never names that look sensitive, never
/// anything under a dot-folder. Quarantined files (a secret was found) are refused separately.
/// </summary>
internal static partial class DownloadPolicy
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = "text/csv; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".log"] = "text/plain; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
    };

    /// <summary>The content type to serve <paramref name="relativePath"/> with, or null when it may not be downloaded (<see cref="SafeFileRule"/>).</summary>
    public static string? ContentTypeFor(string relativePath) =>
        SafeFileRule.Refusal(relativePath) is null ? ContentTypes.GetValueOrDefault(Path.GetExtension(relativePath)) : null;

    /// <summary>A server-chosen download name: the path flattened to safe characters.</summary>
    public static string FileNameFor(string relativePath) =>
        "opsconsole_" + SafeChars().Replace(relativePath.Replace('/', '_'), "_");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex SafeChars();
}

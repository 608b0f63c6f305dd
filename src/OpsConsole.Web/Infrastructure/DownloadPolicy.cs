using System.Text.RegularExpressions;

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

    [GeneratedRegex(@"(^\.env)|token|secret|\.key$|\.pem$|^id_rsa|^id_ed25519|^id_ecdsa|credential|password", RegexOptions.IgnoreCase)]
    private static partial Regex SensitiveName();

    /// <summary>The content type to serve <paramref name="relativePath"/> with, or null when it may not be downloaded.</summary>
    public static string? ContentTypeFor(string relativePath)
    {
        var segments = relativePath.Split('/');
        if (segments.Any(s => s.StartsWith('.')) || SensitiveName().IsMatch(segments[^1]))
        {
            return null;
        }

        return ContentTypes.GetValueOrDefault(Path.GetExtension(relativePath));
    }

    /// <summary>A server-chosen download name: the path flattened to safe characters.</summary>
    public static string FileNameFor(string relativePath) =>
        "opsconsole_" + SafeChars().Replace(relativePath.Replace('/', '_'), "_");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex SafeChars();
}

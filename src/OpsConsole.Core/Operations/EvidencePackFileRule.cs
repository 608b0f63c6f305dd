using System.Text.RegularExpressions;

namespace OpsConsole.Core.Operations;

/// <summary>
/// Which evidence files a pack may carry: the same rule as the console's <c>/download</c> (safe kinds
/// <c>.csv .json .txt .log .md</c>, no dot-folders, no sensitive names). The web's <c>DownloadPolicy</c> keeps
/// its own copy for content types; a test pins that both agree.
/// </summary>
public static partial class EvidencePackFileRule
{
    /// <summary>The extensions a pack may carry.</summary>
    public static readonly IReadOnlyList<string> SafeExtensions = [".csv", ".json", ".txt", ".log", ".md"];

    [GeneratedRegex(@"(^\.env)|token|secret|\.key$|\.pem$|^id_rsa|^id_ed25519|^id_ecdsa|credential|password", RegexOptions.IgnoreCase)]
    private static partial Regex SensitiveName();

    /// <summary>Null when <paramref name="relativePath"/> may be carried; else an <see cref="EvidenceFileReasons"/> code.</summary>
    public static string? Refusal(string relativePath)
    {
        var segments = relativePath.Split('/');
        if (segments.Any(s => s.StartsWith('.')) || SensitiveName().IsMatch(segments[^1]))
        {
            return EvidenceFileReasons.SensitiveName;
        }

        return SafeExtensions.Contains(Path.GetExtension(relativePath).ToLowerInvariant()) ? null : EvidenceFileReasons.UnsafeKind;
    }
}

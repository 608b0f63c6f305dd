using System.Text.RegularExpressions;

namespace OpsConsole.Core.Operations;

/// <summary>
/// Which artifact files may leave the console, as a download or inside an evidence pack: safe kinds
/// <c>.csv .json .txt .log .md</c>, nothing under a dot-folder, no sensitive names. One rule for both exits.
/// </summary>
public static partial class SafeFileRule
{
    /// <summary>The extensions that may leave the console.</summary>
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

using System.Globalization;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Archive;

/// <summary>
/// Where bundles live and how they are named: <c>archive/compliance/&lt;YYYY-MM-DD&gt;.zip</c> (one per run day)
/// and <c>archive/approvals/&lt;YYYY-MM&gt;.zip</c> (one per month of the decision). A later archive of the same
/// period writes a new version beside it (<c>&lt;period&gt;.v2.zip</c>, …); a bundle is never rewritten.
/// Restored bundles are moved to <c>archive/restored/&lt;kind&gt;/</c>, where nothing reads them as history.
/// </summary>
public static class ArchiveLayout
{
    /// <summary>The folder under the root.</summary>
    public const string Folder = "archive";

    /// <summary>Bundles of compliance runs, one per day.</summary>
    public const string Compliance = "compliance";

    /// <summary>Bundles of decided approvals, one per month of the decision.</summary>
    public const string Approvals = "approvals";

    /// <summary>Where restored bundles are kept (history that is live again).</summary>
    public const string RestoredFolder = "archive/restored";

    /// <summary>The manifest's name inside a bundle.</summary>
    public const string ManifestEntry = "manifest.json";

    /// <summary>The manifest's schema.</summary>
    public const string ManifestSchema = "opsconsole/archive-manifest@1";

    /// <summary>The two kinds of bundle.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Compliance, Approvals];

    /// <summary>The folder of <paramref name="kind"/>'s bundles, root-relative.</summary>
    public static string FolderOf(string kind) => $"{Folder}/{kind}";

    /// <summary>Parses a root-relative bundle path (<c>archive/compliance/2026-01-01.zip</c>); false for anything else.</summary>
    public static bool TryParse(string relativePath, out BundleName name)
    {
        name = default;
        var parts = relativePath.Split('/');
        return parts.Length == 3 && parts[0] == Folder && TryParseFile(parts[1], parts[2], out name);
    }

    /// <summary>Parses a bundle id (<c>compliance-2026-01-01</c>, <c>approvals-2026-05.v2</c>); false for anything else.</summary>
    public static bool TryParseId(string? id, out BundleName name)
    {
        name = default;
        var dash = id?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        return dash > 0 && TryParseFile(id![..dash], id[(dash + 1)..] + ".zip", out name);
    }

    /// <summary>True for a path that names a bundle.</summary>
    public static bool IsBundlePath(string relativePath) => TryParse(relativePath, out _);

    /// <summary>
    /// True when an entry named <paramref name="entryPath"/> may sit in a bundle of <paramref name="kind"/>: a well-formed
    /// root-relative path of a compliance report (or an approval record) — never <c>..</c>, an absolute path or anything else.
    /// </summary>
    public static bool EntryBelongs(string kind, string entryPath) =>
        Storage.SafePath.IsWellFormed(entryPath) && ArtifactKinds.Classify(entryPath) == (kind == Compliance ? ArtifactKind.ComplianceReport : ArtifactKind.Approval);

    /// <summary>The period a compliance report path belongs to (its day folder).</summary>
    public static string DayOf(string reportPath) => reportPath.Split('/')[1];

    private static bool TryParseFile(string kind, string file, out BundleName name)
    {
        name = default;
        if (!file.EndsWith(".zip", StringComparison.Ordinal) || !Kinds.Contains(kind))
        {
            return false;
        }

        var stem = file[..^4];
        var version = 1;
        var dot = stem.IndexOf(".v", StringComparison.Ordinal);
        if (dot >= 0)
        {
            if (!int.TryParse(stem[(dot + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 2
                || stem[(dot + 2)..] != version.ToString(CultureInfo.InvariantCulture))
            {
                return false;
            }

            stem = stem[..dot];
        }

        var format = kind == Compliance ? "yyyy-MM-dd" : "yyyy-MM";
        if (!DateTime.TryParseExact(stem, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        name = new BundleName(kind, stem, version);
        return true;
    }
}

/// <summary>A bundle's name: its kind, its period (day or month) and its version (1 for the first bundle of the period).</summary>
/// <param name="Kind"><see cref="ArchiveLayout.Compliance"/> or <see cref="ArchiveLayout.Approvals"/>.</param>
/// <param name="Period"><c>YYYY-MM-DD</c> for compliance, <c>YYYY-MM</c> for approvals.</param>
/// <param name="Version">1, 2, … in the order they were written.</param>
public readonly record struct BundleName(string Kind, string Period, int Version)
{
    /// <summary>The file name, e.g. <c>2026-01-01.zip</c> or <c>2026-01-01.v2.zip</c>.</summary>
    public string FileName => Version == 1 ? $"{Period}.zip" : $"{Period}.v{Version.ToString(CultureInfo.InvariantCulture)}.zip";

    /// <summary>The root-relative path, e.g. <c>archive/compliance/2026-01-01.zip</c>.</summary>
    public string Path => $"{ArchiveLayout.FolderOf(Kind)}/{FileName}";

    /// <summary>The root-relative path of the checksum sidecar.</summary>
    public string SidecarPath => Path + ".sha256";

    /// <summary>The id used in web addresses, e.g. <c>compliance-2026-01-01</c> or <c>approvals-2026-05.v2</c>.</summary>
    public string Id => $"{Kind}-{FileName[..^4]}";
}

namespace OpsConsole.Core.Archive;

/// <summary>Lists the bundles under <c>archive/</c> (restored ones excluded) and checks them.</summary>
public static class ArchiveCatalogue
{
    /// <summary>Every bundle name of <paramref name="kind"/> (or of both kinds when null), in kind, period and version order.</summary>
    public static IReadOnlyList<BundleName> Names(string canonicalRoot, string? kind = null)
    {
        var names = new List<BundleName>();
        foreach (var k in ArchiveLayout.Kinds.Where(k => kind is null || k == kind))
        {
            var folder = Path.Join(canonicalRoot, ArchiveLayout.FolderOf(k));
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.zip"))
            {
                if (ArchiveLayout.TryParse($"{ArchiveLayout.FolderOf(k)}/{Path.GetFileName(file)}", out var name))
                {
                    names.Add(name);
                }
            }
        }

        return [.. names.OrderBy(n => n.Kind, StringComparer.Ordinal).ThenBy(n => n.Period, StringComparer.Ordinal).ThenBy(n => n.Version)];
    }

    /// <summary>Checks every bundle of one period (see <see cref="ArchiveBundleReader.Check"/>).</summary>
    public static IEnumerable<BundleCheck> BundlesOf(string canonicalRoot, string kind, string period, bool verifyEntries) =>
        Names(canonicalRoot, kind).Where(n => n.Period == period).Select(n => Check(canonicalRoot, n, verifyEntries));

    /// <summary>Checks one bundle.</summary>
    public static BundleCheck Check(string canonicalRoot, BundleName name, bool verifyEntries) =>
        ArchiveBundleReader.Check(Path.Join(canonicalRoot, name.Path), name, verifyEntries);
}

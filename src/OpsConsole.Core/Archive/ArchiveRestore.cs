using System.Security.Cryptography;
using OpsConsole.Core.Engagement;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Archive;

/// <summary>What a restore did, or why it refused.</summary>
/// <param name="Restored">Files written back (root-relative).</param>
/// <param name="AlreadyInPlace">Files that were already in place with the same bytes.</param>
/// <param name="Refusal">Why nothing was restored; null when it was.</param>
/// <param name="MovedTo">Where the bundle was kept afterwards (<c>archive/restored/…</c>).</param>
/// <param name="Bundle">The bundle restored (null when the name was not a bundle).</param>
public sealed record RestoreOutcome(IReadOnlyList<string> Restored, IReadOnlyList<string> AlreadyInPlace, string? Refusal, string? MovedTo, BundleName? Bundle = null);

/// <summary>
/// Brings a bundle's files back, byte for byte, each written atomically. Refuses the whole restore, before writing
/// anything, when the bundle does not verify or when any target exists with different bytes (a restore never
/// overwrites). Afterwards the bundle and its sidecar move to <c>archive/restored/&lt;kind&gt;/</c>: kept, never
/// deleted, but no longer history, so the files count once (live) and the next archive run does not remove them.
/// </summary>
public static class ArchiveRestore
{
    /// <summary>Restores the bundle at the root-relative <paramref name="bundlePath"/> (or bundle id).</summary>
    public static RestoreOutcome Restore(string canonicalRoot, string bundlePath)
    {
        if (!ArchiveLayout.TryParse(bundlePath, out var name) && !ArchiveLayout.TryParseId(bundlePath, out name))
        {
            return Refused($"{bundlePath} is not a bundle path (archive/compliance/<day>.zip, archive/approvals/<month>.zip) or id");
        }

        var full = Path.Join(canonicalRoot, name.Path);
        if (!File.Exists(full))
        {
            return Refused($"no bundle {name.Path}");
        }

        var check = ArchiveCatalogue.Check(canonicalRoot, name, verifyEntries: true);
        if (!check.IsReadable)
        {
            return Refused($"unreadable: {check.Problem}");
        }

        var conflicts = new List<string>();
        var present = new List<string>();
        foreach (var entry in check.Manifest!.Entries)
        {
            var bytes = ArchiveBundleWriter.ReadOriginal(canonicalRoot, entry.Path);
            var target = SafePath.Resolve(canonicalRoot, entry.Path);
            if (target is null)
            {
                conflicts.Add($"{entry.Path}: the path is not allowed under the root");
            }
            else if (bytes is not null)
            {
                (Convert.ToHexStringLower(SHA256.HashData(bytes)) == entry.Sha256 ? present : conflicts).Add(entry.Path);
            }
            else if (File.Exists(target) || Directory.Exists(target))
            {
                conflicts.Add(entry.Path);
            }
        }

        if (conflicts.Count > 0)
        {
            return Refused($"refuses to overwrite {conflicts.Count} file(s) that differ from the bundle: {string.Join(", ", conflicts.Take(10))}");
        }

        var restored = new List<string>();
        foreach (var (entry, bytes) in ArchiveBundleReader.ReadAll(full, check.Manifest))
        {
            if (present.Contains(entry.Path))
            {
                continue;
            }

            var target = SafePath.Resolve(canonicalRoot, entry.Path)!;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            AtomicFile.Replace(target, bytes);
            restored.Add(entry.Path);
        }

        return new RestoreOutcome(restored, present, null, KeepAsRestored(canonicalRoot, name), name);
    }

    private static string KeepAsRestored(string canonicalRoot, BundleName name)
    {
        var folder = $"{ArchiveLayout.RestoredFolder}/{name.Kind}";
        Directory.CreateDirectory(Path.Join(canonicalRoot, folder));
        var kept = $"{folder}/{name.FileName}";
        for (var n = 2; File.Exists(Path.Join(canonicalRoot, kept)); n++)
        {
            kept = $"{folder}/{name.FileName[..^4]}.restored{n}.zip";
        }

        // The bundle first: a stop between the two moves leaves only a stale sidecar, which the next bundle of that name overwrites.
        File.Move(Path.Join(canonicalRoot, name.Path), Path.Join(canonicalRoot, kept));
        var sidecar = Path.Join(canonicalRoot, name.SidecarPath);
        if (File.Exists(sidecar))
        {
            File.Move(sidecar, Path.Join(canonicalRoot, kept + ".sha256"));
        }

        return kept;
    }

    private static RestoreOutcome Refused(string reason) => new([], [], reason, null);
}

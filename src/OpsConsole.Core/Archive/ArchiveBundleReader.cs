using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace OpsConsole.Core.Archive;

/// <summary>What reading a bundle found: its manifest, or why it is unreadable.</summary>
/// <param name="Name">The bundle's name.</param>
/// <param name="Manifest">The manifest; null when the bundle is unreadable.</param>
/// <param name="Problem">"reason" when unreadable (shown as "unreadable: reason"); null when it reads.</param>
/// <param name="Sha256">SHA-256 of the bundle file, when it could be read.</param>
/// <param name="Size">Length of the bundle file.</param>
public sealed record BundleCheck(BundleName Name, ArchiveManifest? Manifest, string? Problem, string? Sha256, long Size)
{
    /// <summary>True when the bundle, its sidecar and its manifest agree.</summary>
    public bool IsReadable => Problem is null && Manifest is not null;
}

/// <summary>One entry read on demand: its bytes, or why not.</summary>
/// <param name="Entry">The manifest entry; null when the name is not in the manifest.</param>
/// <param name="Bytes">The entry's bytes; null when refused or unreadable.</param>
/// <param name="Problem">Why not; null when read and verified.</param>
public sealed record EntryRead(ArchiveEntry? Entry, byte[]? Bytes, string? Problem);

/// <summary>
/// Reads bundles. A truncated bundle, a sidecar mismatch, a manifest that does not parse or does not list the
/// bundle's files exactly, or an entry whose hash differs from the manifest is unreadable with the reason: never
/// silently skipped. The zip's central directory gives random access, so one entry is read without the others.
/// </summary>
public static class ArchiveBundleReader
{
    /// <summary>Largest manifest accepted (a day of 10,000 reports is ~3 MiB).</summary>
    public const long MaxManifestBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Checks the bundle at <paramref name="fullPath"/>: the sidecar checksum, the zip directory and the manifest. With
    /// <paramref name="verifyEntries"/>, also every entry's SHA-256 and size against the manifest (reads every entry).
    /// </summary>
    public static BundleCheck Check(string fullPath, BundleName name, bool verifyEntries)
    {
        long size;
        string sha;
        try
        {
            size = new FileInfo(fullPath).Length;
            using (var stream = File.OpenRead(fullPath))
            {
                sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new BundleCheck(name, null, $"the bundle cannot be read ({ex.GetType().Name})", null, 0);
        }

        BundleCheck Bad(string reason) => new(name, null, reason, sha, size);
        var sidecar = ReadSidecar(fullPath + ".sha256");
        if (sidecar is null)
        {
            return Bad($"checksum sidecar {name.FileName}.sha256 is missing or unreadable");
        }

        if (!string.Equals(sidecar, sha, StringComparison.Ordinal))
        {
            return Bad($"checksum mismatch: the bundle's SHA-256 differs from {name.FileName}.sha256 (truncated or changed)");
        }

        try
        {
            using var zip = ZipFile.OpenRead(fullPath);
            var manifest = ReadManifest(zip, name, out var problem);
            if (manifest is null)
            {
                return Bad(problem!);
            }

            if (ListingProblem(zip, manifest, name.Kind) is { } listing)
            {
                return Bad(listing);
            }

            if (verifyEntries)
            {
                foreach (var entry in manifest.Entries)
                {
                    if (EntryProblem(zip, entry) is { } bad)
                    {
                        return Bad(bad);
                    }
                }
            }

            return new BundleCheck(name, manifest, null, sha, size);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Bad($"not a complete zip archive (truncated?): {ex.Message}");
        }
    }

    /// <summary>
    /// Reads one entry on demand from a readable bundle. Refused when <paramref name="entryPath"/> is not in the manifest
    /// (which only lists well-formed paths of the bundle's kind: no <c>..</c>, no absolute path); unreadable when its
    /// bytes do not hash to the manifest's SHA-256.
    /// </summary>
    public static EntryRead ReadEntry(string fullPath, BundleCheck check, string? entryPath)
    {
        var entry = check.Manifest?.Entries.FirstOrDefault(e => string.Equals(e.Path, entryPath, StringComparison.Ordinal));
        if (entry is null || !ArchiveLayout.EntryBelongs(check.Name.Kind, entry.Path))
        {
            return new EntryRead(null, null, "not an entry of this bundle's manifest");
        }

        try
        {
            using var zip = ZipFile.OpenRead(fullPath);
            var bytes = ReadBytes(zip.GetEntry(entry.Path), entry.Size);
            return bytes is null ? new EntryRead(entry, null, "the entry is missing from the bundle")
                : Convert.ToHexStringLower(SHA256.HashData(bytes)) != entry.Sha256 ? new EntryRead(entry, null, "entry hash mismatch: its SHA-256 differs from the manifest")
                : new EntryRead(entry, bytes, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new EntryRead(entry, null, $"not a complete zip archive (truncated?): {ex.Message}");
        }
    }

    /// <summary>Every entry's bytes in manifest order, each verified (for restore); throws <see cref="InvalidDataException"/> on a mismatch.</summary>
    public static IEnumerable<(ArchiveEntry Entry, byte[] Bytes)> ReadAll(string fullPath, ArchiveManifest manifest)
    {
        using var zip = ZipFile.OpenRead(fullPath);
        foreach (var entry in manifest.Entries)
        {
            var bytes = ReadBytes(zip.GetEntry(entry.Path), entry.Size);
            if (bytes is null || Convert.ToHexStringLower(SHA256.HashData(bytes)) != entry.Sha256)
            {
                throw new InvalidDataException($"entry {entry.Path}: its bytes differ from the manifest");
            }

            yield return (entry, bytes);
        }
    }

    private static string? ReadSidecar(string path)
    {
        try
        {
            // "<hex>  <name>" like sha256sum, or the bare hex.
            var text = File.Exists(path) ? File.ReadAllText(path).Trim() : null;
            return text is { Length: >= 64 } ? text[..64].ToLowerInvariant() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Parsed as it inflates: a start over a year of bundles reads 335 manifests of ~3 MiB, and holding each whole (twice,
    // while it was copied out) made a large-object allocation per bundle that only a full collection gives back.
    private static ArchiveManifest? ReadManifest(ZipArchive zip, BundleName name, out string? problem)
    {
        var entry = zip.GetEntry(ArchiveLayout.ManifestEntry);
        var missingOrTooLarge = entry is null || entry.Length > MaxManifestBytes;
        ArchiveManifest? manifest = null;
        if (!missingOrTooLarge)
        {
            using var stream = new CappedReadStream(entry!.Open(), MaxManifestBytes);
            try
            {
                manifest = JsonSerializer.Deserialize(stream, ArchiveJsonContext.Default.ArchiveManifest);
            }
            catch (JsonException)
            {
                manifest = null;
            }
            catch (InvalidDataException) when (stream.Exceeded)
            {
                missingOrTooLarge = true;
            }
        }

        problem = missingOrTooLarge ? "manifest.json is missing or too large"
            : manifest is null ? "manifest.json does not parse"
            : manifest.Schema != ArchiveLayout.ManifestSchema ? $"unsupported manifest schema {manifest.Schema}"
            : manifest.Kind != name.Kind || manifest.Period != name.Period ? $"the manifest describes {manifest.Kind} {manifest.Period}, not this bundle"
            : null;
        return problem is null ? manifest : null;
    }

    private static string? ListingProblem(ZipArchive zip, ArchiveManifest manifest, string kind)
    {
        if (manifest.Entries.FirstOrDefault(e => !ArchiveLayout.EntryBelongs(kind, e.Path)) is { } hostile)
        {
            return $"the manifest lists an entry name that is not a {kind} file path: {Shorten(hostile.Path)}";
        }

        var listed = manifest.Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        if (listed.Count != manifest.Entries.Count)
        {
            return "the manifest lists an entry twice";
        }

        var inZip = zip.Entries.Select(e => e.FullName).Where(n => n != ArchiveLayout.ManifestEntry).ToList();
        if (inZip.FirstOrDefault(n => !listed.Contains(n)) is { } extra)
        {
            return $"the bundle holds an entry the manifest does not list: {Shorten(extra)}";
        }

        return inZip.Count != listed.Count ? "the manifest lists entries the bundle does not hold" : null;
    }

    private static string? EntryProblem(ZipArchive zip, ArchiveEntry entry)
    {
        var bytes = ReadBytes(zip.GetEntry(entry.Path), entry.Size);
        return bytes is null ? $"entry {entry.Path} is missing or its size differs from the manifest"
            : Convert.ToHexStringLower(SHA256.HashData(bytes)) != entry.Sha256 ? $"entry hash mismatch: {entry.Path} differs from the manifest"
            : null;
    }

    // Reads at most the expected size (plus one byte to notice a longer entry): a hostile entry cannot make us inflate without limit.
    private static byte[]? ReadBytes(ZipArchiveEntry? entry, long expected)
    {
        if (entry is null || entry.Length != expected)
        {
            return null;
        }

        using var stream = entry.Open();
        using var buffer = new MemoryStream((int)Math.Min(entry.Length, int.MaxValue));
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            total += read;
            if (total > expected)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return total != expected ? null : buffer.ToArray();
    }

    private static string Shorten(string value)
    {
        var clean = new string([.. value.Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length > 120 ? clean[..120] + "…" : clean;
    }
}

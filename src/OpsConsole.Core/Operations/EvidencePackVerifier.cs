using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace OpsConsole.Core.Operations;

/// <summary>One entry that does not match the manifest, and how.</summary>
/// <param name="Entry">The entry name.</param>
/// <param name="Problem">What is wrong, in English.</param>
public sealed record EvidencePackProblem(string Entry, string Problem);

/// <summary>The outcome of checking a pack against its manifest.</summary>
/// <param name="Error">Why the pack could not be checked at all (not a zip, no manifest); null when it was checked.</param>
/// <param name="Problems">Every entry that differs, is missing or is extra.</param>
/// <param name="Checked">How many manifest entries were compared.</param>
public sealed record EvidencePackVerification(string? Error, IReadOnlyList<EvidencePackProblem> Problems, int Checked)
{
    /// <summary>True when the pack was checked and every entry matches.</summary>
    public bool IsIntact => Error is null && Problems.Count == 0;
}

/// <summary>
/// Checks an evidence pack: every entry's size and SHA-256 against <c>manifest.json</c>, entries the manifest
/// lists but the zip lacks, entries the zip holds but the manifest does not list, and damaged data.
/// The manifest itself is not hashed; the pack's own SHA-256 is recorded in the audit trail when it is built.
/// </summary>
public static class EvidencePackVerifier
{
    /// <summary>Verifies the zip in <paramref name="zip"/> (read from its current position).</summary>
    public static EvidencePackVerification Verify(Stream zip)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            return Fail($"the file is not a readable zip archive (damaged): {ex.Message}");
        }

        using (archive)
        {
            var manifestEntry = archive.GetEntry(EvidencePackDocuments.ManifestEntry);
            if (manifestEntry is null)
            {
                return Fail($"the zip has no {EvidencePackDocuments.ManifestEntry}: it is not an evidence pack");
            }

            Dictionary<string, (long Size, string Sha256)> manifest;
            try
            {
                manifest = ReadManifest(manifestEntry);
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return Fail($"{EvidencePackDocuments.ManifestEntry} cannot be read: {ex.Message}");
            }

            var problems = new List<EvidencePackProblem>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries.Where(e => e.FullName != EvidencePackDocuments.ManifestEntry))
            {
                if (!seen.Add(entry.FullName))
                {
                    problems.Add(new(entry.FullName, "appears more than once in the zip"));
                    continue;
                }

                if (!manifest.TryGetValue(entry.FullName, out var expected))
                {
                    problems.Add(new(entry.FullName, "is in the zip but not listed in the manifest (added)"));
                    continue;
                }

                if (Check(entry, expected) is { } problem)
                {
                    problems.Add(new(entry.FullName, problem));
                }
            }

            problems.AddRange(manifest.Keys.Where(k => !seen.Contains(k)).Order(StringComparer.Ordinal)
                .Select(k => new EvidencePackProblem(k, "is listed in the manifest but missing from the zip (removed)")));
            return new EvidencePackVerification(null, problems, manifest.Count);
        }
    }

    private static string? Check(ZipArchiveEntry entry, (long Size, string Sha256) expected)
    {
        try
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            return hash != expected.Sha256 ? $"SHA-256 {hash} differs from the manifest's {expected.Sha256} (changed)"
                : bytes.LongLength != expected.Size ? $"size {bytes.LongLength} differs from the manifest's {expected.Size}"
                : null;
        }
        catch (InvalidDataException ex)
        {
            return $"cannot be read (damaged): {ex.Message}";
        }
    }

    private static Dictionary<string, (long Size, string Sha256)> ReadManifest(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        if (root.GetProperty("schema").GetString() != EvidencePackDocuments.ManifestSchema)
        {
            throw new FormatException($"its schema is not {EvidencePackDocuments.ManifestSchema}");
        }

        var map = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var e in root.GetProperty("entries").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString() ?? throw new FormatException("an entry has no name");
            if (!map.TryAdd(name, (e.GetProperty("size").GetInt64(), e.GetProperty("sha256").GetString() ?? "")))
            {
                throw new FormatException($"entry {name} is listed twice");
            }
        }

        return map;
    }

    private static EvidencePackVerification Fail(string error) => new(error, [], 0);
}

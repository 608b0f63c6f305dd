using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Engagement;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Backup;

/// <summary>What a backup wrote.</summary>
/// <param name="Manifest">The manifest inside the archive.</param>
/// <param name="ArchiveSha256">SHA-256 of the whole archive file.</param>
public sealed record BackupResult(BackupManifest Manifest, string ArchiveSha256);

/// <summary>
/// Writes a backup of what cannot be rebuilt from the artifacts: the audit trail (a consistent online
/// copy) and the engagement answers, validations and finalized markers. The index is not backed up:
/// it is rebuilt from the files.
/// </summary>
public static class BackupArchive
{
    /// <summary>The engagement files of each device that the console writes (and so a backup must keep).</summary>
    public static IReadOnlyList<Func<string, string>> EngagementFiles { get; } =
        [EngagementPaths.Responses, EngagementPaths.Validation, EngagementPaths.Finalized];

    /// <summary>Writes the archive to <paramref name="outFile"/>, which must not exist yet.</summary>
    public static BackupResult Create(IAuditStore audit, string artifactRoot, string outFile, TimeProvider clock)
    {
        outFile = Path.GetFullPath(outFile);
        if (File.Exists(outFile))
        {
            throw new IOException($"{outFile} already exists; a backup never overwrites another");
        }

        var work = Directory.CreateTempSubdirectory("opsconsole-backup-");
        try
        {
            var auditCopy = Path.Combine(work.FullName, "audit.db");
            audit.ExportTo(auditCopy);
            var chain = new SqliteAuditStore(auditCopy).Verify();
            var files = new List<(string Entry, string Source)> { (BackupManifest.AuditEntry, auditCopy) };
            files.AddRange(EngagementFilesUnder(artifactRoot).Select(rel => (BackupManifest.ArtifactPrefix + rel, rel)));

            var entries = new List<BackupEntry>();
            var temp = outFile + ".partial";
            Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
            BackupManifest manifest;
            using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
            {
                foreach (var (entry, source) in files)
                {
                    // Each file is read once: the hash and the archived bytes are the same bytes.
                    var bytes = entry == BackupManifest.AuditEntry ? File.ReadAllBytes(source) : ReadArtifact(artifactRoot, source);
                    if (bytes is null)
                    {
                        continue;
                    }

                    WriteEntry(zip, entry, bytes);
                    entries.Add(new BackupEntry(entry, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength));
                }

                manifest = new BackupManifest
                {
                    CreatedAt = clock.GetUtcNow(),
                    Audit = new BackupAuditSummary { Events = chain.Events, HeadId = chain.HeadId, HeadHash = chain.HeadHash, ChainIntact = chain.Intact },
                    Entries = entries,
                };
                WriteEntry(zip, BackupManifest.EntryName, JsonSerializer.SerializeToUtf8Bytes(manifest, BackupJsonContext.Default.BackupManifest));
            }

            // Only a complete archive ever carries the requested name.
            File.Move(temp, outFile);
            return new BackupResult(manifest, Sha256Of(outFile));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    /// <summary>Root-relative paths of every engagement file the console writes that exists now.</summary>
    public static IEnumerable<string> EngagementFilesUnder(string artifactRoot)
    {
        var folder = Path.Combine(artifactRoot, "engagement");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateDirectories(folder)
            .Select(Path.GetFileName)
            .Where(DeviceNames.IsValid)
            .SelectMany(device => EngagementFiles.Select(file => file(device!)))
            .Where(rel => SafePath.Resolve(SafePath.Canonicalize(artifactRoot), rel) is { } full && File.Exists(full))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>SHA-256 of a file, lowercase hex.</summary>
    public static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static byte[]? ReadArtifact(string artifactRoot, string relative) =>
        SafePath.Resolve(SafePath.Canonicalize(artifactRoot), relative) is { } full && File.Exists(full) ? File.ReadAllBytes(full) : null;

    private static void WriteEntry(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Engagement;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Backup;

/// <summary>An archive that cannot be trusted: nothing was restored from it.</summary>
public sealed class BackupDamagedException(string message) : Exception(message);

/// <summary>What a restore does to one thing.</summary>
public enum RestoreAction
{
    /// <summary>Nothing there now: written from the backup.</summary>
    Create,

    /// <summary>Already identical to the backup.</summary>
    Unchanged,

    /// <summary>The audit trail now is an earlier part of the backup's: the backup adds events, none is lost.</summary>
    Extend,

    /// <summary>Different data is there now and would be overwritten: needs <c>--force</c>.</summary>
    Replace,
}

/// <summary>One thing a restore would write.</summary>
/// <param name="What"><c>audit trail</c>, or the root-relative path of an engagement file.</param>
/// <param name="Action">What would happen.</param>
/// <param name="Detail">Why, in one sentence.</param>
public sealed record RestoreItem(string What, RestoreAction Action, string Detail);

/// <summary>
/// A verified backup archive, extracted to a private temp folder: <see cref="Open"/> checks every entry
/// against the manifest (and the audit copy's chain) before anything is compared or written.
/// </summary>
public sealed class BackupRestore : IDisposable
{
    /// <summary>What a restore item calls the audit trail.</summary>
    public const string AuditTrail = "audit trail";

    private readonly DirectoryInfo _work;
    private readonly Dictionary<string, string> _extracted;

    private BackupRestore(DirectoryInfo work, BackupManifest manifest, Dictionary<string, string> extracted)
    {
        _work = work;
        Manifest = manifest;
        _extracted = extracted;
    }

    /// <summary>The verified manifest.</summary>
    public BackupManifest Manifest { get; }

    /// <summary>Opens and verifies <paramref name="archive"/>; throws <see cref="BackupDamagedException"/> when anything does not match.</summary>
    public static BackupRestore Open(string archive)
    {
        var work = Directory.CreateTempSubdirectory("opsconsole-restore-");
        try
        {
            var (manifest, extracted) = Extract(archive, work.FullName);
            VerifyAuditCopy(manifest, extracted[BackupManifest.AuditEntry]);
            return new BackupRestore(work, manifest, extracted);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or SqliteException or IOException && ex is not FileNotFoundException)
        {
            work.Delete(recursive: true);
            throw new BackupDamagedException($"the archive is damaged: {ex.Message}");
        }
        catch
        {
            work.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>What restoring would do to <paramref name="audit"/> and the engagement files under <paramref name="artifactRoot"/>.</summary>
    public IReadOnlyList<RestoreItem> Plan(IAuditStore audit, string artifactRoot)
    {
        var items = new List<RestoreItem> { PlanAudit(audit) };
        foreach (var entry in Manifest.Entries.Where(e => e.Path.StartsWith(BackupManifest.ArtifactPrefix, StringComparison.Ordinal)))
        {
            var rel = entry.Path[BackupManifest.ArtifactPrefix.Length..];
            var full = Resolve(artifactRoot, rel);
            if (!File.Exists(full))
            {
                items.Add(new RestoreItem(rel, RestoreAction.Create, "missing now"));
            }
            else if (File.ReadAllBytes(full).AsSpan().SequenceEqual(File.ReadAllBytes(_extracted[entry.Path])))
            {
                items.Add(new RestoreItem(rel, RestoreAction.Unchanged, "identical to the backup"));
            }
            else
            {
                var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(full), TimeSpan.Zero);
                items.Add(new RestoreItem(rel, RestoreAction.Replace, $"differs from the backup (changed {modified:yyyy-MM-dd HH:mm:ss}Z)"));
            }
        }

        return items;
    }

    /// <summary>
    /// Writes every item of <paramref name="plan"/> that is not unchanged. When the audit trail is
    /// replaced, its current content is first copied to <paramref name="keepAuditCopyAt"/>.
    /// </summary>
    public void Apply(IReadOnlyList<RestoreItem> plan, IAuditStore audit, string artifactRoot, string keepAuditCopyAt)
    {
        foreach (var item in plan.Where(i => i.Action != RestoreAction.Unchanged))
        {
            if (item.What == AuditTrail)
            {
                if (item.Action == RestoreAction.Replace)
                {
                    audit.ExportTo(keepAuditCopyAt);
                }

                audit.ReplaceWith(_extracted[BackupManifest.AuditEntry]);
                continue;
            }

            var full = Resolve(artifactRoot, item.What);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            AtomicFile.Replace(full, File.ReadAllBytes(_extracted[BackupManifest.ArtifactPrefix + item.What]));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    private RestoreItem PlanAudit(IAuditStore audit)
    {
        var backup = new SqliteAuditStore(_extracted[BackupManifest.AuditEntry]).ReadChain().ToDictionary(e => e.Id, e => e.Hash);
        long now = 0, notInBackup = 0, firstNotInBackup = 0;
        foreach (var e in audit.ReadChain())
        {
            now++;
            if (!backup.TryGetValue(e.Id, out var hash) || hash != e.Hash)
            {
                notInBackup++;
                firstNotInBackup = firstNotInBackup == 0 ? e.Id : firstNotInBackup;
            }
        }

        var inBackup = Manifest.Audit.Events;
        if (!Manifest.Audit.ChainIntact)
        {
            return new RestoreItem(AuditTrail, RestoreAction.Replace, $"the audit trail in the backup did not verify when it was taken ({inBackup} events)");
        }

        return (now, notInBackup) switch
        {
            (0, _) => new RestoreItem(AuditTrail, RestoreAction.Create, $"empty now; {inBackup} events from the backup"),
            (_, 0) when now == inBackup => new RestoreItem(AuditTrail, RestoreAction.Unchanged, $"identical to the backup ({inBackup} events)"),
            (_, 0) => new RestoreItem(AuditTrail, RestoreAction.Extend, $"{now} events now, all in the backup; the backup adds {inBackup - now}"),
            _ => new RestoreItem(AuditTrail, RestoreAction.Replace,
                $"{notInBackup} of the {now} events now are not in the backup (from event {firstNotInBackup} on) and would be replaced by its {inBackup}"),
        };
    }

    private static string Resolve(string artifactRoot, string relative) =>
        SafePath.Resolve(SafePath.Canonicalize(artifactRoot), relative)
        ?? throw new BackupDamagedException($"{relative} cannot be written inside the artifact root (a link leaves the root)");

    private static (BackupManifest, Dictionary<string, string>) Extract(string archive, string work)
    {
        using var zip = ZipFile.OpenRead(archive);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        if (names.Count != names.Distinct(StringComparer.Ordinal).Count())
        {
            throw new BackupDamagedException("the archive is damaged: an entry appears twice");
        }

        var manifestEntry = zip.GetEntry(BackupManifest.EntryName) ?? throw new BackupDamagedException("the archive is damaged: it has no manifest.json");
        BackupManifest manifest;
        using (var stream = manifestEntry.Open())
        {
            manifest = JsonSerializer.Deserialize(stream, BackupJsonContext.Default.BackupManifest)
                ?? throw new BackupDamagedException("the archive is damaged: manifest.json is empty");
        }

        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new BackupDamagedException($"not a backup this version can read (format {manifest.Format})");
        }

        var listed = manifest.Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        if (names.FirstOrDefault(n => n != BackupManifest.EntryName && !listed.Contains(n)) is { } extra)
        {
            throw new BackupDamagedException($"the archive is damaged: {extra} is not in the manifest");
        }

        if (!listed.Contains(BackupManifest.AuditEntry))
        {
            throw new BackupDamagedException("the archive is damaged: it holds no audit trail");
        }

        var extracted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, n) in manifest.Entries.Select((e, n) => (e, n)))
        {
            if (!BackupManifest.IsAllowedEntry(entry.Path) || extracted.ContainsKey(entry.Path))
            {
                throw new BackupDamagedException($"the archive is damaged: {entry.Path} is not something a backup holds");
            }

            var zipEntry = zip.GetEntry(entry.Path) ?? throw new BackupDamagedException($"the archive is damaged: {entry.Path} is missing");
            var target = Path.Combine(work, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            string sha;
            long length;
            using (var input = zipEntry.Open())
            using (var output = File.Create(target))
            {
                input.CopyTo(output);
                length = output.Length;
            }

            using (var read = File.OpenRead(target))
            {
                sha = Convert.ToHexStringLower(SHA256.HashData(read));
            }

            if (sha != entry.Sha256 || length != entry.Bytes)
            {
                throw new BackupDamagedException($"the archive is damaged: {entry.Path} does not match its SHA-256 in the manifest");
            }

            extracted[entry.Path] = target;
        }

        return (manifest, extracted);
    }

    private static void VerifyAuditCopy(BackupManifest manifest, string copy)
    {
        var chain = new SqliteAuditStore(copy).Verify();
        if (chain.Events != manifest.Audit.Events || chain.HeadHash != manifest.Audit.HeadHash || chain.Intact != manifest.Audit.ChainIntact)
        {
            throw new BackupDamagedException($"the archive is damaged: its audit trail does not match the manifest ({chain.Describe()})");
        }
    }
}

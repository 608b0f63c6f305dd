using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Index;

/// <summary>Counts from one index pass.</summary>
public sealed record IndexPassResult(int Seen, int Added, int Updated, int Removed, int Unreadable, TimeSpan Elapsed)
{
    /// <summary>True when the pass changed the index.</summary>
    public bool Changed => Added + Updated + Removed > 0;
}

/// <summary>
/// Keeps the SQLite catalogue in step with the artifact root. A full pass streams the folder,
/// re-reads only files whose length or modified time changed, parses them in parallel and writes
/// in batches; <see cref="RefreshAsync"/> re-indexes a few known paths (file watcher events).
/// </summary>
public sealed class ArtifactIndexer(ArtifactStore store, Func<IndexDbContext> createDb, IndexState state)
{
    private const int BatchSize = 1000;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Applies migrations (creating the database when absent).</summary>
    public void EnsureDatabase()
    {
        using var db = createDb();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    /// <summary>Walks the whole root and reconciles the catalogue with it.</summary>
    public async Task<IndexPassResult> FullPassAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            if (!store.IsRootAvailable)
            {
                state.RootAvailable = false;
                state.LastError = "artifact root unavailable";
                return new IndexPassResult(0, 0, 0, 0, state.UnreadableCount, started.Elapsed);
            }

            state.RootAvailable = true;
            Dictionary<string, (int Id, long Size, long Mtime)> known;
            using (var db = createDb())
            {
                known = await db.Artifacts.AsNoTracking()
                    .Select(a => new { a.Path, a.Id, a.Size, a.MtimeTicks })
                    .ToDictionaryAsync(a => a.Path, a => (a.Id, a.Size, a.MtimeTicks), StringComparer.Ordinal, ct);
            }

            int seen = 0, added = 0, updated = 0;
            var present = new HashSet<string>(StringComparer.Ordinal);
            var pending = new List<string>(BatchSize);
            var refused = new List<string>();
            foreach (var (rel, size, mtime) in EnumerateFiles())
            {
                seen++;
                present.Add(rel);
                if (known.TryGetValue(rel, out var k) && k.Size == size && k.Mtime == mtime)
                {
                    continue;
                }

                pending.Add(rel);
                if (pending.Count == BatchSize)
                {
                    var (a, u, r) = await WriteBatchAsync(pending, ct);
                    added += a;
                    updated += u;
                    refused.AddRange(r);
                    pending.Clear();
                }
            }

            if (pending.Count > 0)
            {
                var (a, u, r) = await WriteBatchAsync(pending, ct);
                added += a;
                updated += u;
                refused.AddRange(r);
            }

            // A catalogued file that is now refused (e.g. replaced by a link outside the root) must not
            // keep showing its old content.
            var gone = known.Keys.Where(p => !present.Contains(p)).Concat(refused.Where(known.ContainsKey)).ToList();
            await RemoveAsync(gone, ct);
            var result = new IndexPassResult(seen, added, updated, gone.Count, await CountUnreadableAsync(ct), started.Elapsed);
            Publish(result, seen);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Re-indexes the given root-relative paths (new, changed or deleted files).</summary>
    public async Task<IndexPassResult> RefreshAsync(IReadOnlyCollection<string> relativePaths, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var existing = relativePaths.Where(p => store.Resolve(p) is { } f && File.Exists(f) && IsIndexable(p)).Distinct().ToList();
            var gone = relativePaths.Except(existing).ToList();
            var (added, updated, refused) = await WriteBatchAsync(existing, ct);
            gone.AddRange(refused);
            await RemoveAsync(gone, ct);
            var result = new IndexPassResult(relativePaths.Count, added, updated, gone.Count, await CountUnreadableAsync(ct), started.Elapsed);
            Publish(result, null);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Files under the root, skipping dot-files, dot-folders and symlinked folders.</summary>
    public IEnumerable<(string Rel, long Size, long MtimeTicks)> EnumerateFiles()
    {
        var root = store.Root;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        var enumerable = new FileSystemEnumerable<(string, long, long)>(root,
            (ref FileSystemEntry e) => (SafePath.ToRelative(root, e.ToFullPath()), e.Length, e.LastWriteTimeUtc.UtcTicks), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && !e.FileName.StartsWith('.'),
            ShouldRecursePredicate = (ref FileSystemEntry e) =>
                !e.FileName.StartsWith('.') && (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return enumerable;
    }

    private static bool IsIndexable(string rel) => !rel.Split('/').Any(s => s.StartsWith('.'));

    /// <summary>Indexes <paramref name="paths"/>; returns the counts and the paths the store refused to read.</summary>
    private async Task<(int Added, int Updated, List<string> Refused)> WriteBatchAsync(List<string> paths, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            return (0, 0, []);
        }

        // Parsing is CPU-bound and independent per file; writing is one transaction per batch.
        var inspected = new ConcurrentBag<(ArtifactRecord Record, List<FindingRecord> Findings, InventoryDevice[]? Devices)>();
        Parallel.ForEach(paths, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, rel =>
        {
            if (Inspect(rel) is { } x)
            {
                inspected.Add(x);
            }
        });

        using var db = createDb();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var byPath = inspected.ToDictionary(x => x.Record.Path, StringComparer.Ordinal);
        var keys = byPath.Keys.ToList();
        var existing = await db.Artifacts.Where(a => keys.Contains(a.Path)).ToDictionaryAsync(a => a.Path, StringComparer.Ordinal, ct);
        await db.Findings.Where(f => keys.Contains(f.Path)).ExecuteDeleteAsync(ct);
        int added = 0, updated = 0;
        foreach (var (path, x) in byPath)
        {
            if (existing.TryGetValue(path, out var row))
            {
                x.Record.Id = row.Id;
                db.Entry(row).CurrentValues.SetValues(x.Record);
                updated++;
            }
            else
            {
                db.Artifacts.Add(x.Record);
                added++;
            }

            db.Findings.AddRange(x.Findings);
            if (x.Devices is { } devices)
            {
                await ReplaceDevicesAsync(db, devices, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (added, updated, paths.Where(p => !byPath.ContainsKey(p)).ToList());
    }

    private (ArtifactRecord, List<FindingRecord>, InventoryDevice[]?)? Inspect(string rel)
    {
        var full = store.Resolve(rel);
        if (full is null)
        {
            return null;
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return null;
        }

        var artifact = store.Load(rel);
        if (artifact is null)
        {
            return null;
        }

        var record = new ArtifactRecord
        {
            Path = rel,
            Kind = artifact.Kind.ToString(),
            Size = info.Length,
            MtimeTicks = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero).UtcTicks,
            Readable = artifact.IsReadable,
            Problem = artifact.Problem,
        };
        ArtifactFacets.Apply(record, artifact);
        var findings = ArtifactFindings.For(artifact).ToList();

        if (info.Length > 0 && info.Length <= store.MaxBytes)
        {
            try
            {
                var bytes = ArtifactStore.ReadAll(full);
                record.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
                var text = Encoding.UTF8.GetString(ArtifactParser.StripBom(bytes));
                findings.AddRange(SecretScanner.Scan(text).Select(hit => new FindingRecord
                {
                    Path = rel,
                    Condition = 1,
                    Detail = $"line {hit.Line}: {hit.Pattern} ({hit.Masked})",
                    Device = record.Device,
                }));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                record.Sha256 = "";
            }
        }

        var devices = artifact.As<DeviceInventory>()?.Devices.ToArray();
        return (record, findings, devices);
    }

    private static async Task ReplaceDevicesAsync(IndexDbContext db, InventoryDevice[] devices, CancellationToken ct)
    {
        await db.Devices.ExecuteDeleteAsync(ct);
        db.Devices.AddRange(devices.Select(d => new DeviceRecord
        {
            NetboxId = d.Id,
            Name = d.Name,
            Site = d.Site,
            Role = d.Role,
            Platform = d.Platform,
            Tenant = d.Tenant,
        }));
    }

    private async Task RemoveAsync(List<string> paths, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            return;
        }

        using var db = createDb();
        foreach (var chunk in paths.Chunk(500))
        {
            await db.Artifacts.Where(a => chunk.Contains(a.Path)).ExecuteDeleteAsync(ct);
            await db.Findings.Where(f => chunk.Contains(f.Path)).ExecuteDeleteAsync(ct);
            if (chunk.Contains("devices.json"))
            {
                await db.Devices.ExecuteDeleteAsync(ct);
            }
        }
    }

    private async Task<int> CountUnreadableAsync(CancellationToken ct)
    {
        using var db = createDb();
        return await db.Artifacts.CountAsync(a => !a.Readable, ct);
    }

    private void Publish(IndexPassResult result, int? fileCount)
    {
        if (fileCount is { } n)
        {
            state.FileCount = n;
        }
        else
        {
            state.FileCount += result.Added - result.Removed;
        }

        state.UnreadableCount = result.Unreadable;
        state.LastScanAt = DateTimeOffset.UtcNow;
        state.LastError = null;
        if (result.Changed)
        {
            state.Bump();
        }
    }
}

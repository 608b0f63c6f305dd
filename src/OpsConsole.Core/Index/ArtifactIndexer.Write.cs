using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Index;

/// <summary>The write side of a pass: parse on every core into a bounded queue, one writer in batches.</summary>
public sealed partial class ArtifactIndexer
{
    /// <summary>Compliance bundles inspected and not yet written, at most (each holds a run day of report rows).</summary>
    private const int BundlesInFlight = 2;

    /// <summary>
    /// Indexes <paramref name="paths"/>: parsed in parallel into a bounded queue, written by one writer
    /// in batches. Returns the counts and the paths that are gone (removed since they were listed).
    /// </summary>
    private async Task<(int Added, int Updated, List<string> Refused)> WriteAsync(List<string> paths, Func<string, bool> isNew, ChangeJournal journal, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            return (0, 0, []);
        }

        var refused = new ConcurrentBag<string>();
        var logLines = new ConcurrentBag<(string Path, Executions.LogLineIndex Index)>();
        var queue = Channel.CreateBounded<InspectedFile>(new BoundedChannelOptions(4 * BatchSize) { SingleReader = true });
        // A compliance bundle carries its manifest's reports to the writer (10,000 rows at NOC scale): only a few are
        // held at once, each written as soon as it arrives, so a pass over a year of bundles keeps memory flat.
        using var bundlePermits = new SemaphoreSlim(BundlesInFlight);

        // A failed writer cancels the parsers, so none stays blocked on a full queue.
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() =>
        {
            try
            {
                Parallel.ForEach(paths, new ParallelOptions { CancellationToken = abort.Token, MaxDegreeOfParallelism = Environment.ProcessorCount }, rel =>
                {
                    var bundle = ArtifactKinds.Classify(rel) == ArtifactKind.ArchiveBundle;
                    if (bundle)
                    {
                        bundlePermits.Wait(abort.Token);
                    }

                    var inspected = Inspect(rel, isNew(rel));
                    if (bundle && inspected?.Archived is null)
                    {
                        bundlePermits.Release();
                    }

                    if (inspected is { } x)
                    {
                        AddLogLines(rel, logLines);
                        while (!queue.Writer.TryWrite(x))
                        {
                            queue.Writer.WaitToWriteAsync(abort.Token).AsTask().GetAwaiter().GetResult();
                        }
                    }
                    else
                    {
                        refused.Add(rel);
                    }
                });
            }
            finally
            {
                queue.Writer.Complete();
            }
        }, abort.Token);

        int added = 0, updated = 0;
        try
        {
            using var db = _createDb();
            using var writer = new IndexWriter(db) { Journal = journal };
            var batch = new List<InspectedFile>(BatchSize);
            while (await queue.Reader.WaitToReadAsync(ct))
            {
                var bundles = 0;
                while (batch.Count < BatchSize && bundles == 0 && queue.Reader.TryRead(out var x))
                {
                    batch.Add(x);
                    bundles += x.Archived is null ? 0 : 1;
                }

                if (batch.Count == BatchSize || bundles > 0)
                {
                    var (a, u) = writer.Write(batch);
                    added += a;
                    updated += u;
                    batch.Clear();
                    if (bundles > 0)
                    {
                        bundlePermits.Release(bundles);
                    }
                }
            }

            var (la, lu) = writer.Write(batch);
            added += la;
            updated += lu;
        }
        catch
        {
            await abort.CancelAsync();
            await producer.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }

        await producer;
        _logLines.Save(logLines);
        return (added, updated, refused.ToList());
    }

    /// <summary>Writes already inspected records (unreadable folders) in one batch; returns (added, updated).</summary>
    private (int Added, int Updated) WriteInspected(List<InspectedFile> files, ChangeJournal journal)
    {
        if (files.Count == 0)
        {
            return (0, 0);
        }

        using var db = _createDb();
        using var writer = new IndexWriter(db) { Journal = journal };
        return writer.Write(files);
    }

    private static InspectedFile FolderRecord(UnreadableFolder folder, bool isNew) => new(new ArtifactRecord
    {
        Path = folder.Rel,
        Kind = nameof(ArtifactKind.Folder),
        MtimeTicks = folder.MtimeTicks,
        Readable = false,
        Refused = true,
        Problem = folder.Reason,
    }, [], null, isNew);

    /// <summary>
    /// The record of an entry the _store refuses to read (a link leaving the root, a dangling link, a name the
    /// safe-path rules reject): catalogued as unreadable with the reason, so it is listed and counts as
    /// "unknown" for the conditions its location concerns. Null when the entry is gone.
    /// </summary>
    private InspectedFile? RefusedRecord(string rel, bool isNew)
    {
        if (_store.RefusalReason(rel) is not { } reason)
        {
            return null;
        }

        long size = 0, mtime = 0;
        try
        {
            var info = new FileInfo(Path.Join(_store.Root, rel));
            if (info.Exists)
            {
                (size, mtime) = (info.Length, info.LastWriteTimeUtc.Ticks);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Size and time stay 0: the record is rewritten on each pass, which is harmless for a rare entry.
        }

        var artifact = new LoadedArtifact
        {
            RelativePath = rel,
            Kind = ArtifactKinds.Classify(rel),
            Length = size,
            LastWriteUtc = new DateTimeOffset(mtime, TimeSpan.Zero),
            Problem = reason,
        };
        var record = new ArtifactRecord
        {
            Path = rel,
            Kind = artifact.Kind.ToString(),
            Size = size,
            MtimeTicks = mtime,
            Readable = false,
            Refused = true,
            Problem = reason,
        };
        ArtifactFacets.Apply(record, artifact);
        return new InspectedFile(record, [], artifact.Kind == ArtifactKind.Inventory ? [] : null, isNew);
    }

    private InspectedFile? Inspect(string rel, bool isNew)
    {
        // A bundle is read by its own reader (it may be larger than the artifact cap, and its entries are never indexed).
        if (ArtifactKinds.Classify(rel) == ArtifactKind.ArchiveBundle && _store.Resolve(rel) is { } bundle && File.Exists(bundle))
        {
            return ArchiveBundleRecord.Inspect(rel, bundle, isNew);
        }

        if (_store.ReadForIndex(rel) is not { } read)
        {
            return RefusedRecord(rel, isNew);
        }

        var (artifact, bytes) = read;

        var record = new ArtifactRecord
        {
            Path = artifact.RelativePath,
            Kind = artifact.Kind.ToString(),
            Size = artifact.Length,
            MtimeTicks = artifact.LastWriteUtc.UtcTicks,
            Readable = artifact.IsReadable,
            Problem = artifact.Problem,
        };
        ArtifactFacets.Apply(record, artifact);
        var findings = ArtifactFindings.For(artifact).ToList();
        // The hash is recorded only for a file whose text was scanned: an empty hash is what makes
        // stop condition 1 "unknown" for a file that could hold a secret the scan could not see.
        if (bytes is { Length: > 0 } && artifact.ScannedForSecrets)
        {
            record.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        findings.AddRange(artifact.Secrets.Select(hit => new FindingRecord
        {
            Path = record.Path,
            Condition = 1,
            Detail = $"line {hit.Line}: {hit.Pattern} ({hit.Masked})",
            Device = record.Device,
        }));

        // An inventory that can no longer be read must not leave its old devices behind.
        var devices = artifact.Kind == ArtifactKind.Inventory ? artifact.As<DeviceInventory>()?.Devices.ToArray() ?? [] : null;
        return new InspectedFile(record, findings, devices, isNew) { Mover = ChangeJournalFacets.Mover(artifact) };
    }
}

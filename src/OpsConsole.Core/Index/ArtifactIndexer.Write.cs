using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Index;

/// <summary>The write side of a pass: parse on every core into a bounded queue, one writer in batches.</summary>
public sealed partial class ArtifactIndexer
{
    /// <summary>
    /// Indexes <paramref name="paths"/>: parsed in parallel into a bounded queue, written by one writer
    /// in batches. Returns the counts and the paths the store refused to read.
    /// </summary>
    private async Task<(int Added, int Updated, List<string> Refused)> WriteAsync(List<string> paths, Func<string, bool> isNew, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            return (0, 0, []);
        }

        var refused = new ConcurrentBag<string>();
        var queue = Channel.CreateBounded<InspectedFile>(new BoundedChannelOptions(4 * BatchSize) { SingleReader = true });

        // A failed writer cancels the parsers, so none stays blocked on a full queue.
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() =>
        {
            try
            {
                Parallel.ForEach(paths, new ParallelOptions { CancellationToken = abort.Token, MaxDegreeOfParallelism = Environment.ProcessorCount }, rel =>
                {
                    if (Inspect(rel, isNew(rel)) is { } x)
                    {
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
            using var db = createDb();
            using var writer = new IndexWriter(db);
            var batch = new List<InspectedFile>(BatchSize);
            while (await queue.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < BatchSize && queue.Reader.TryRead(out var x))
                {
                    batch.Add(x);
                }

                if (batch.Count == BatchSize)
                {
                    var (a, u) = writer.Write(batch);
                    added += a;
                    updated += u;
                    batch.Clear();
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
        return (added, updated, refused.ToList());
    }

    private InspectedFile? Inspect(string rel, bool isNew)
    {
        if (store.ReadForIndex(rel) is not { } read)
        {
            return null;
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

        return new InspectedFile(record, findings, artifact.As<DeviceInventory>()?.Devices.ToArray(), isNew);
    }
}

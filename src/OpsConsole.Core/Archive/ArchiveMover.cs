using System.Security.Cryptography;

namespace OpsConsole.Core.Archive;

/// <summary>
/// Moves files into bundles so that an interruption at any point loses nothing and counts nothing twice: a bundle is
/// written and renamed into place first (<see cref="ArchiveBundleWriter"/>), and only then is each original removed,
/// after its current bytes are checked against the manifest. A file that changed meanwhile stays in place and is
/// reported. An original a complete bundle already holds byte for byte (left by a run killed before its removals) is
/// removed by the next run. Nothing else is ever deleted. One run at a time (a lock file under <c>archive/</c>).
/// </summary>
public sealed class ArchiveMover(string canonicalRoot, TimeProvider? clock = null)
{
    /// <summary>Writes the bundles (tests give one with a fault seam).</summary>
    public ArchiveBundleWriter Writer { get; init; } = new();

    /// <summary>
    /// Runs once per period as soon as its bundle is in place and its originals are removed, on that period's worker
    /// thread: the CLI brings the index up to date for one period while the next ones are still being bundled.
    /// </summary>
    public Action<ArchiveOutcome>? PeriodDone { get; init; }

    /// <summary>Test seam: runs after a new bundle is renamed into place, before any original is removed.</summary>
    public Action<string>? AfterBundleRenamed { get; init; }

    /// <summary>Works out what archiving <paramref name="candidates"/> into <paramref name="kind"/> bundles would do; changes nothing.</summary>
    public ArchivePlan Plan(string kind, IReadOnlyList<ArchiveCandidate> candidates)
    {
        var periods = new List<PeriodPlan>();
        var unreadable = new List<LeftInPlace>();
        foreach (var group in candidates.GroupBy(c => c.Period, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var archived = new Dictionary<string, (string Sha, string Bundle)>(StringComparer.Ordinal);
            foreach (var check in ArchiveCatalogue.BundlesOf(canonicalRoot, kind, group.Key, verifyEntries: true))
            {
                if (!check.IsReadable)
                {
                    unreadable.Add(new LeftInPlace(check.Name.Path, $"unreadable: {check.Problem}"));
                    continue;
                }

                foreach (var entry in check.Manifest!.Entries)
                {
                    archived.TryAdd(entry.Path, (entry.Sha256, check.Name.Path));
                }
            }

            var toBundle = new List<string>();
            var already = new List<(string, string)>();
            var left = new List<LeftInPlace>();
            foreach (var path in group.Select(c => c.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (!archived.TryGetValue(path, out var copy))
                {
                    toBundle.Add(path);
                }
                else if (Sha256Of(path) == copy.Sha)
                {
                    already.Add((path, copy.Bundle));
                }
                else
                {
                    left.Add(new LeftInPlace(path, $"differs from its archived copy in {copy.Bundle}; restore that bundle or move the file by hand"));
                }
            }

            periods.Add(new PeriodPlan(group.Key, toBundle, already, left,
                toBundle.Count > 0 ? ArchiveBundleWriter.NextFree(canonicalRoot, kind, group.Key) : null));
        }

        return new ArchivePlan(kind, periods, unreadable);
    }

    /// <summary>
    /// How many periods are bundled at once. Periods are independent (each its own bundle, its own originals), and
    /// reading, hashing and deflating a day of reports is CPU work: one period per core.
    /// </summary>
    public int BundleParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How many originals of one bundle are re-checked and removed at once. Removing a file costs milliseconds of
    /// waiting on the file system journal and almost no CPU, so more removals than cores are in flight, each on a
    /// thread of its own (the shared pool would add threads for blocked work only slowly). See docs/performance.md.
    /// </summary>
    public int RemovalParallelism { get; init; } = 8;

    /// <summary>
    /// Carries out <paramref name="plan"/>: per period, recovery removals, then a new bundle and the removal of its
    /// originals; up to <see cref="BundleParallelism"/> periods at once, the outcome listed in period order.
    /// </summary>
    public ArchiveOutcome Run(ArchivePlan plan)
    {
        var folder = Path.Join(canonicalRoot, ArchiveLayout.FolderOf(plan.Kind));
        Directory.CreateDirectory(folder);
        using var runLock = new FileStream(Path.Join(canonicalRoot, ArchiveLayout.Folder, ".archive.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        RemoveStaleTemps(folder);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var perPeriod = new ArchiveOutcome[plan.Periods.Count];
        RunEach(plan.Periods.Count, BundleParallelism, i =>
        {
            perPeriod[i] = RunPeriod(plan.Kind, plan.Periods[i], now);
            PeriodDone?.Invoke(perPeriod[i]);
        });

        var outcome = new ArchiveOutcome();
        foreach (var period in perPeriod)
        {
            outcome.Bundles.AddRange(period.Bundles);
            outcome.Moved.AddRange(period.Moved);
            outcome.Recovered.AddRange(period.Recovered);
            outcome.Left.AddRange(period.Left);
        }

        return outcome;
    }

    private ArchiveOutcome RunPeriod(string kind, PeriodPlan period, DateTimeOffset now)
    {
        var outcome = new ArchiveOutcome();
        outcome.Left.AddRange(period.Left);
        if (period.AlreadyArchived.Count > 0)
        {
            // Each bundle's manifest is read once per period, not once per file it holds.
            var expected = ArchivedHashes(kind, period);
            var recovered = period.AlreadyArchived
                .Select(a => (a.Path, Expected: expected.TryGetValue((a.Bundle, a.Path), out var sha) ? sha : null, a.Bundle)).ToList();
            RemoveIfIdentical(recovered, outcome.Recovered, outcome.Left);
        }

        if (period.ToBundle.Count > 0)
        {
            var written = Writer.Write(canonicalRoot, kind, period.Period, period.ToBundle, now);
            outcome.Bundles.Add(written.Name.Path);
            AfterBundleRenamed?.Invoke(written.Name.Path);
            RemoveIfIdentical([.. written.Manifest.Entries.Select(e => (e.Path, (string?)e.Sha256, written.Name.Path))], outcome.Moved, outcome.Left);
        }

        return outcome;
    }

    /// <summary>
    /// Runs <paramref name="work"/> for 0..count-1 on up to <paramref name="threads"/> threads of their own. A failure
    /// (or a simulated kill in a test) stops the hand-out of further items and surfaces as itself once the others end.
    /// </summary>
    private static void RunEach(int count, int threads, Action<int> work)
    {
        var next = -1;
        var failed = 0;
        void Worker()
        {
            for (int i; Volatile.Read(ref failed) == 0 && (i = Interlocked.Increment(ref next)) < count;)
            {
                try
                {
                    work(i);
                }
                catch
                {
                    Volatile.Write(ref failed, 1);
                    throw;
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Clamp(count, 0, Math.Max(1, threads)))
            .Select(_ => Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            Task.WaitAll(workers);
        }
        catch (AggregateException all)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(all.Flatten().InnerExceptions[0]);
        }
    }

    private Dictionary<(string Bundle, string Path), string> ArchivedHashes(string kind, PeriodPlan period)
    {
        var wanted = period.AlreadyArchived.Select(a => a.Bundle).ToHashSet(StringComparer.Ordinal);
        var hashes = new Dictionary<(string, string), string>();
        foreach (var check in ArchiveCatalogue.BundlesOf(canonicalRoot, kind, period.Period, verifyEntries: false))
        {
            if (check.IsReadable && wanted.Contains(check.Name.Path))
            {
                foreach (var entry in check.Manifest!.Entries)
                {
                    hashes.TryAdd((check.Name.Path, entry.Path), entry.Sha256);
                }
            }
        }

        return hashes;
    }

    /// <summary>
    /// Re-reads each original and removes it when its bytes still hash to the archived copy's; several at once (see
    /// <see cref="RemovalParallelism"/>). Results are added in the given order, whatever order the removals finished in.
    /// </summary>
    private void RemoveIfIdentical(List<(string Path, string? Archived, string Bundle)> files, List<string> removed, List<LeftInPlace> left)
    {
        var results = new LeftInPlace?[files.Count];
        var done = new bool[files.Count];

        // Each folder is resolved once through SafePath (a day's 10,000 originals lie in one folder), not every part of
        // every path; each file is then read, compared and removed at its place in that folder. Whatever happens to the
        // folders meanwhile, a file is only removed when the bytes just read from it hash to a copy the bundle holds.
        var originals = new BundleOriginals(canonicalRoot);
        RunEach(files.Count, RemovalParallelism, i =>
        {
            var (path, archived, bundle) = files[i];
            var full = originals.FullPathOf(path);
            if (full is null || BundleOriginals.ReadFile(full) is not { } bytes)
            {
                return; // gone meanwhile: the bundle holds it
            }

            var current = Convert.ToHexStringLower(SHA256.HashData(bytes));

            if (archived is null || current != archived)
            {
                results[i] = new LeftInPlace(path, $"changed during archiving: its bytes differ from the copy in {bundle}; left in place");
                return;
            }

            File.Delete(full);
            done[i] = true;
        });

        for (var i = 0; i < files.Count; i++)
        {
            if (done[i])
            {
                removed.Add(files[i].Path);
            }
            else if (results[i] is { } reason)
            {
                left.Add(reason);
            }
        }
    }

    private string? Sha256Of(string path) =>
        ArchiveBundleWriter.ReadOriginal(canonicalRoot, path) is { } bytes ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null;

    // Dot-files of a run that was interrupted before its rename: never a complete bundle, never an original.
    private static void RemoveStaleTemps(string folder)
    {
        foreach (var temp in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            File.Delete(temp);
        }
    }
}

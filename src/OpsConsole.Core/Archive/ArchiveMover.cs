using System.Security.Cryptography;
using OpsConsole.Core.Storage;

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

    /// <summary>Carries out <paramref name="plan"/>: recovery removals, then one new bundle per period and the removal of its originals.</summary>
    public ArchiveOutcome Run(ArchivePlan plan)
    {
        var outcome = new ArchiveOutcome();
        var folder = Path.Join(canonicalRoot, ArchiveLayout.FolderOf(plan.Kind));
        Directory.CreateDirectory(folder);
        using var runLock = new FileStream(Path.Join(canonicalRoot, ArchiveLayout.Folder, ".archive.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        RemoveStaleTemps(folder);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        foreach (var period in plan.Periods)
        {
            outcome.Left.AddRange(period.Left);
            foreach (var (path, bundle) in period.AlreadyArchived)
            {
                var sha = Sha256Of(path);
                var expected = ArchiveCatalogue.BundlesOf(canonicalRoot, plan.Kind, period.Period, verifyEntries: false)
                    .Where(b => b.Name.Path == bundle && b.IsReadable).SelectMany(b => b.Manifest!.Entries).FirstOrDefault(e => e.Path == path)?.Sha256;
                RemoveIfIdentical(path, sha, expected, outcome.Recovered, outcome.Left, bundle);
            }

            if (period.ToBundle.Count == 0)
            {
                continue;
            }

            var written = Writer.Write(canonicalRoot, plan.Kind, period.Period, period.ToBundle, now);
            outcome.Bundles.Add(written.Name.Path);
            AfterBundleRenamed?.Invoke(written.Name.Path);
            foreach (var entry in written.Manifest.Entries)
            {
                RemoveIfIdentical(entry.Path, Sha256Of(entry.Path), entry.Sha256, outcome.Moved, outcome.Left, written.Name.Path);
            }
        }

        return outcome;
    }

    private void RemoveIfIdentical(string path, string? current, string? archived, List<string> removed, List<LeftInPlace> left, string bundle)
    {
        if (current is null)
        {
            return; // gone meanwhile: the bundle holds it
        }

        if (archived is null || current != archived)
        {
            left.Add(new LeftInPlace(path, $"changed during archiving: its bytes differ from the copy in {bundle}; left in place"));
            return;
        }

        File.Delete(SafePath.Resolve(canonicalRoot, path)!);
        removed.Add(path);
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

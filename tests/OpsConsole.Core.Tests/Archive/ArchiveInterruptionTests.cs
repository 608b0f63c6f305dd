using OpsConsole.Core.Archive;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Archive;

/// <summary>
/// An archive stopped at any point (simulated by a fault at the two dangerous moments) leaves every run either in
/// place or in a complete bundle: after the next run nothing is lost and nothing is counted twice.
/// </summary>
public sealed class ArchiveInterruptionTests : IDisposable
{
    private static readonly DateOnly Before = new(2026, 2, 1);
    private readonly FixtureTree _tree = ArchiveTree.ThreeDays();

    [Fact]
    public void A_stop_between_the_temp_write_and_the_rename_leaves_every_original_in_place_and_no_bundle()
    {
        var before = _tree.Originals();
        var crashing = new ArchiveMover(_tree.Canonical()) { Writer = new ArchiveBundleWriter { AfterTempWritten = _ => throw new SimulatedKill() } };

        Assert.Throws<SimulatedKill>(() => crashing.Run(crashing.Plan(ArchiveLayout.Compliance, Candidates())));

        Assert.Equal(before, _tree.Originals());
        Assert.Empty(ArchiveCatalogue.Names(_tree.Canonical()));
        Assert.Equal(0, new ArchivedRecords(_tree.Canonical()).Current().ReportCount);
        RerunAndAssertNothingLostOrTwice(before);
    }

    [Fact]
    public void A_stop_between_the_rename_and_the_removal_counts_each_file_once_and_the_next_run_removes_the_originals()
    {
        var before = _tree.Originals();
        // One period at a time, so exactly one bundle is complete when the kill comes (the parallel case is below).
        var crashing = new ArchiveMover(_tree.Canonical()) { BundleParallelism = 1, AfterBundleRenamed = _ => throw new SimulatedKill() };

        Assert.Throws<SimulatedKill>(() => crashing.Run(crashing.Plan(ArchiveLayout.Compliance, Candidates())));

        // The first day's bundle is complete and its originals are still in place: they count as live, not archived.
        Assert.Single(ArchiveCatalogue.Names(_tree.Canonical()));
        Assert.Equal(before, _tree.Originals());
        Assert.Equal(0, new ArchivedRecords(_tree.Canonical()).Current().ReportCount);

        var outcome = RerunAndAssertNothingLostOrTwice(before);
        Assert.Equal(["compliance/2026-01-01/core-02.json", "compliance/2026-01-01/edge-01.json"], outcome.Recovered);
    }

    [Fact]
    public void A_stop_while_several_days_are_bundled_at_once_keeps_every_original_of_every_complete_bundle_and_the_next_run_removes_them()
    {
        var before = _tree.Originals();
        var crashing = new ArchiveMover(_tree.Canonical()) { BundleParallelism = 3, AfterBundleRenamed = _ => throw new SimulatedKill() };

        Assert.Throws<SimulatedKill>(() => crashing.Run(crashing.Plan(ArchiveLayout.Compliance, Candidates())));

        // However many days were being bundled when the kill came, none of their originals is gone and none counts as archived.
        var written = ArchiveCatalogue.Names(_tree.Canonical());
        Assert.NotEmpty(written);
        Assert.Equal(before, _tree.Originals());
        Assert.Equal(0, new ArchivedRecords(_tree.Canonical()).Current().ReportCount);

        var outcome = RerunAndAssertNothingLostOrTwice(before);
        var expected = before.Keys.Where(p => written.Any(n => p.StartsWith($"compliance/{n.Period}/", StringComparison.Ordinal))).Order(StringComparer.Ordinal);
        Assert.Equal(expected, outcome.Recovered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_that_changes_during_archiving_is_left_in_place_and_reported()
    {
        var mover = new ArchiveMover(_tree.Canonical())
        {
            AfterBundleRenamed = bundle =>
            {
                if (bundle.EndsWith("2026-01-02.zip", StringComparison.Ordinal))
                {
                    _tree.Write("compliance/2026-01-02/edge-01.json", ArchiveTree.Report("edge-01", "2026-01-02", note: "rewritten"));
                }
            },
        };

        var outcome = mover.Run(mover.Plan(ArchiveLayout.Compliance, Candidates()));

        var left = Assert.Single(outcome.Left);
        Assert.Equal("compliance/2026-01-02/edge-01.json", left.Path);
        Assert.Contains("changed during archiving", left.Reason, StringComparison.Ordinal);
        Assert.Contains("rewritten", _tree.Read("compliance/2026-01-02/edge-01.json"), StringComparison.Ordinal);
        Assert.Equal(5, outcome.Moved.Count);
    }

    private ArchiveOutcome RerunAndAssertNothingLostOrTwice(Dictionary<string, byte[]> before)
    {
        var mover = new ArchiveMover(_tree.Canonical());
        var outcome = mover.Run(mover.Plan(ArchiveLayout.Compliance, Candidates()));

        var archived = ArchiveCatalogue.Names(_tree.Canonical())
            .Select(n => ArchiveCatalogue.Check(_tree.Canonical(), n, verifyEntries: true))
            .SelectMany(c => ArchiveBundleReader.ReadAll(System.IO.Path.Join(_tree.Root, c.Name.Path), c.Manifest!))
            .ToList();
        var live = _tree.Originals();
        foreach (var (path, bytes) in before)
        {
            var copies = archived.Count(a => a.Entry.Path == path) + (live.ContainsKey(path) ? 1 : 0);
            Assert.True(copies == 1, $"{path} has {copies} copies");
            Assert.Equal(bytes, live.TryGetValue(path, out var now) ? now : archived.Single(a => a.Entry.Path == path).Bytes);
        }

        Assert.Equal(6, new ArchivedRecords(_tree.Canonical()).Current().ReportCount);
        Assert.Empty(Directory.EnumerateFiles(System.IO.Path.Join(_tree.Root, "archive/compliance"), ".*.tmp"));
        return outcome;
    }

    private IReadOnlyList<ArchiveCandidate> Candidates() => ArchiveCandidates.ComplianceBefore(_tree.Canonical(), Before);

    public void Dispose() => _tree.Dispose();

    private sealed class SimulatedKill : Exception;
}

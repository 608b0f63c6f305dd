using System.Collections.Concurrent;
using OpsConsole.Core.Archive;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Archive;

/// <summary>
/// Links among the files to archive are never followed into a bundle, a folder swapped for a link mid-bundle fails it,
/// and each day is reported done (for the index update) only once its bundle is in place and its originals are gone.
/// </summary>
public sealed class ArchiveLinkAndProgressTests : IDisposable
{
    private static readonly DateOnly Before = new(2026, 2, 1);
    private readonly FixtureTree _tree = ArchiveTree.ThreeDays();
    private readonly DirectoryInfo _outside = Directory.CreateTempSubdirectory("opsconsole-outside-");

    [Fact]
    public void A_report_that_is_a_link_is_neither_bundled_nor_removed()
    {
        var link = Path.Join(_tree.Root, "compliance/2026-01-01/alias.json");
        File.CreateSymbolicLink(link, "../2026-01-03/edge-01.json");
        var mover = new ArchiveMover(_tree.Canonical());

        var outcome = mover.Run(mover.Plan(ArchiveLayout.Compliance, Candidates()));

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.DoesNotContain("compliance/2026-01-01/alias.json", outcome.Moved);
        var entries = ArchiveCatalogue.Names(_tree.Canonical())
            .SelectMany(n => ArchiveCatalogue.Check(_tree.Canonical(), n, verifyEntries: true).Manifest!.Entries)
            .Select(e => e.Path);
        Assert.DoesNotContain("compliance/2026-01-01/alias.json", entries);
        Assert.Equal(6, outcome.Moved.Count);
    }

    [Fact]
    public void A_day_folder_swapped_for_a_link_while_its_reports_are_read_fails_the_bundle()
    {
        var originals = new BundleOriginals(_tree.Canonical());
        Assert.NotNull(originals.Read("compliance/2026-01-01/edge-01.json"));

        // The day folder goes outside the root and a link to it takes its place: what was read from the real folder
        // and what would now be read through the link are no longer the same folder.
        var moved = Path.Join(_outside.FullName, "2026-01-01");
        Directory.Move(Path.Join(_tree.Root, "compliance/2026-01-01"), moved);
        Directory.CreateSymbolicLink(Path.Join(_tree.Root, "compliance/2026-01-01"), moved);

        var refused = Assert.Throws<IOException>(originals.CheckFoldersUnchanged);
        Assert.Contains("compliance/2026-01-01 was replaced", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_folder_swapped_for_a_link_out_of_the_root_after_its_bundle_is_written_loses_nothing_outside()
    {
        // The removals resolve each folder once: that must be after the swap, so nothing is removed through the link.
        var moved = Path.Join(_outside.FullName, "2026-01-02");
        var mover = new ArchiveMover(_tree.Canonical())
        {
            AfterBundleRenamed = bundle =>
            {
                if (bundle.EndsWith("2026-01-02.zip", StringComparison.Ordinal))
                {
                    Directory.Move(Path.Join(_tree.Root, "compliance/2026-01-02"), moved);
                    Directory.CreateSymbolicLink(Path.Join(_tree.Root, "compliance/2026-01-02"), moved);
                }
            },
        };

        var outcome = mover.Run(mover.Plan(ArchiveLayout.Compliance, Candidates()));

        Assert.Equal(["core-02.json", "edge-01.json"], Directory.GetFiles(moved).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(outcome.Moved, p => p.StartsWith("compliance/2026-01-02/", StringComparison.Ordinal));
        Assert.Equal(4, outcome.Moved.Count);
    }

    [Fact]
    public void Each_day_is_reported_done_once_its_bundle_is_in_place_and_its_originals_are_gone()
    {
        var reported = new ConcurrentBag<(ArchiveOutcome Period, bool BundleThere, bool OriginalsGone)>();
        var mover = new ArchiveMover(_tree.Canonical())
        {
            PeriodDone = period => reported.Add((period,
                period.Bundles.All(b => File.Exists(Path.Join(_tree.Root, b))),
                period.Moved.All(p => !File.Exists(Path.Join(_tree.Root, p))))),
        };

        var outcome = mover.Run(mover.Plan(ArchiveLayout.Compliance, Candidates()));

        Assert.Equal(3, reported.Count);
        Assert.All(reported, r => Assert.Single(r.Period.Bundles));
        Assert.All(reported, r => Assert.True(r.BundleThere && r.OriginalsGone));
        Assert.Equal(outcome.Moved.Order(StringComparer.Ordinal), reported.SelectMany(r => r.Period.Moved).Order(StringComparer.Ordinal));
    }

    private IReadOnlyList<ArchiveCandidate> Candidates() => ArchiveCandidates.ComplianceBefore(_tree.Canonical(), Before);

    public void Dispose()
    {
        _tree.Dispose();
        _outside.Delete(recursive: true);
    }
}

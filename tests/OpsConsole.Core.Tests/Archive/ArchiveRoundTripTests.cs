using OpsConsole.Core.Archive;
using OpsConsole.Core.Storage;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Archive;

/// <summary>Archiving moves runs into complete, checksummed bundles; restoring brings back the same bytes.</summary>
public sealed class ArchiveRoundTripTests : IDisposable
{
    private readonly FixtureTree _tree = ArchiveTree.ThreeDays();

    [Fact]
    public void Archive_then_restore_gives_back_every_file_byte_for_byte()
    {
        var before = _tree.Originals();
        var mover = new ArchiveMover(_tree.Canonical());

        var outcome = mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_tree.Canonical(), new DateOnly(2026, 2, 1))));

        Assert.Equal(["archive/compliance/2026-01-01.zip", "archive/compliance/2026-01-02.zip", "archive/compliance/2026-01-03.zip"], outcome.Bundles);
        Assert.Equal(6, outcome.Moved.Count);
        Assert.False(_tree.Exists("compliance/2026-01-01/edge-01.json"));
        Assert.True(_tree.Exists("compliance/2026-02-01/edge-01.json"));
        foreach (var bundle in outcome.Bundles)
        {
            Assert.Null(ArchiveRestore.Restore(_tree.Canonical(), bundle).Refusal);
        }

        Assert.Equal(before, _tree.Originals());
        Assert.Empty(ArchiveCatalogue.Names(_tree.Canonical()));
        Assert.True(File.Exists(Path.Join(_tree.Root, "archive/restored/compliance/2026-01-02.zip")));
    }

    [Fact]
    public void Days_bundled_at_once_give_the_same_bundles_byte_for_byte_as_one_day_at_a_time()
    {
        using var other = ArchiveTree.ThreeDays();
        var at = new DateTimeOffset(2026, 2, 1, 7, 0, 0, TimeSpan.Zero);
        var candidates = new DateOnly(2026, 2, 1);
        var parallel = new ArchiveMover(_tree.Canonical(), new FixedClock(at)) { BundleParallelism = 3, RemovalParallelism = 4 };
        var sequential = new ArchiveMover(other.Canonical(), new FixedClock(at)) { BundleParallelism = 1, RemovalParallelism = 1 };

        var a = parallel.Run(parallel.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_tree.Canonical(), candidates)));
        var b = sequential.Run(sequential.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(other.Canonical(), candidates)));

        Assert.Equal(b.Bundles, a.Bundles);
        Assert.Equal(b.Moved, a.Moved);
        foreach (var bundle in a.Bundles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Join(other.Root, bundle)), File.ReadAllBytes(Path.Join(_tree.Root, bundle)));
        }
    }

    [Fact]
    public void A_bundle_holds_a_manifest_with_each_entry_hash_and_the_report_facts()
    {
        var mover = new ArchiveMover(_tree.Canonical());
        mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_tree.Canonical(), new DateOnly(2026, 1, 3))));

        var check = ArchiveCatalogue.Check(_tree.Canonical(), new BundleName(ArchiveLayout.Compliance, "2026-01-02", 1), verifyEntries: true);

        Assert.True(check.IsReadable, check.Problem);
        Assert.Equal(ArchiveLayout.ManifestSchema, check.Manifest!.Schema);
        var edge = check.Manifest.Entries.Single(e => e.Device == "edge-01");
        Assert.Equal(("compliance/2026-01-02/edge-01.json", "2026-01-02", "divergent", 1), (edge.Path, edge.Day, edge.Status, edge.Divergences));
        Assert.Equal(64, edge.Sha256.Length);
        Assert.Equal(File.ReadAllText(Path.Join(_tree.Root, "archive/compliance/2026-01-02.zip.sha256"))[..64], check.Sha256);
    }

    [Fact]
    public void Archiving_a_day_already_archived_changes_nothing()
    {
        var mover = new ArchiveMover(_tree.Canonical());
        mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_tree.Canonical(), new DateOnly(2026, 2, 1))));
        var after = _tree.Snapshot();

        var plan = mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_tree.Canonical(), new DateOnly(2026, 2, 1)));
        var again = mover.Run(plan);

        Assert.True(plan.IsEmpty);
        Assert.Empty(again.Bundles);
        Assert.Equal(after.Keys.Where(k => !k.EndsWith(".lock", StringComparison.Ordinal)), _tree.Snapshot().Keys.Where(k => !k.EndsWith(".lock", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_report_that_appears_in_an_archived_day_goes_into_a_second_version_of_that_day()
    {
        var mover = new ArchiveMover(_tree.Canonical());
        mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_tree.Canonical(), new DateOnly(2026, 1, 2))));
        _tree.Write("compliance/2026-01-01/late-03.json", ArchiveTree.Report("late-03", "2026-01-01", deviceId: 303));

        var outcome = mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_tree.Canonical(), new DateOnly(2026, 1, 2))));

        Assert.Equal(["archive/compliance/2026-01-01.v2.zip"], outcome.Bundles);
        Assert.Equal(["compliance/2026-01-01/late-03.json"], outcome.Moved);
        Assert.Equal(3, new ArchivedRecords(_tree.Canonical()).Current().ReportsPerDay["2026-01-01"].Values.Sum());
    }

    [Fact]
    public void Restore_refuses_to_overwrite_a_different_file_and_writes_nothing()
    {
        var mover = new ArchiveMover(_tree.Canonical());
        mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_tree.Canonical(), new DateOnly(2026, 1, 2))));
        _tree.Write("compliance/2026-01-01/edge-01.json", ArchiveTree.Report("edge-01", "2026-01-01", note: "rerun"));

        var outcome = ArchiveRestore.Restore(_tree.Canonical(), "compliance-2026-01-01");

        Assert.Contains("refuses to overwrite", outcome.Refusal, StringComparison.Ordinal);
        Assert.Contains("rerun", _tree.Read("compliance/2026-01-01/edge-01.json"), StringComparison.Ordinal);
        Assert.False(_tree.Exists("compliance/2026-01-01/core-02.json"));
        Assert.True(File.Exists(Path.Join(_tree.Root, "archive/compliance/2026-01-01.zip")));
    }

    [Fact]
    public void Decided_approvals_go_into_the_bundle_of_their_decision_month_with_their_decision_facts()
    {
        using var tree = FixtureTree.Standard();
        var store = new ArtifactStore(tree.Root);

        var candidates = ArchiveCandidates.ApprovalsOlderThan(store, "rejected", 30, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var mover = new ArchiveMover(tree.Canonical());
        var outcome = mover.Run(mover.Plan(ArchiveLayout.Approvals, candidates));

        Assert.Equal(["archive/approvals/2026-05.zip"], outcome.Bundles);
        Assert.False(tree.Exists("approvals/rejected/approval-APR-3.json"));
        var archived = Assert.Single(new ArchivedRecords(tree.Canonical()).Current().Approvals);
        Assert.Equal(("APR-3", "rejected", "rejected", "ana"), (archived.ApprovalId, archived.State, archived.Decision, archived.DecidedBy));
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero), archived.PendingAt);
        Assert.Equal(new DateTimeOffset(2026, 5, 3, 9, 0, 0, TimeSpan.Zero), archived.DecidedAt);
    }

    [Fact]
    public void Approvals_decided_within_the_window_stay_in_place()
    {
        using var tree = FixtureTree.Standard();
        var candidates = ArchiveCandidates.ApprovalsOlderThan(new ArtifactStore(tree.Root), "applied", 30, new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero));

        Assert.Empty(candidates);
    }

    public void Dispose() => _tree.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

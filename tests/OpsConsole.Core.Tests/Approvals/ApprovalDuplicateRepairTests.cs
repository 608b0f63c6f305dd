using OpsConsole.Core.Approvals;
using OpsConsole.Core.Storage;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Approvals;

/// <summary>The states a crash during a move can leave, and what the next command makes of them.</summary>
public class ApprovalDuplicateRepairTests
{
    private static IReadOnlyList<DuplicateRepair> RepairAll(FixtureTree tree)
    {
        using var store = new ArtifactStore(tree.Root);
        return ApprovalDuplicateRepair.RepairAll(new ApprovalRepository(store), TimeSpan.FromSeconds(1));
    }

    /// <summary>A crash after the rename and before the delete: old copy in pending, new copy in approved.</summary>
    private static void CrashAfterRename(FixtureTree tree, string id = "APR-1")
    {
        var approvedHistory = string.Join(",", FixtureTree.Chain("pending"), FixtureTree.Entry("2026-05-03T09:00:00Z", "pending", "approved", "carla"));
        tree.WriteApproval(FixtureTree.Approval(id, "approved", history: approvedHistory));
    }

    [Fact]
    public void After_a_crash_between_rename_and_delete_the_longer_history_is_kept()
    {
        using var tree = FixtureTree.Standard();
        CrashAfterRename(tree);

        var repair = Assert.Single(RepairAll(tree));

        Assert.True(repair.Resolved);
        Assert.Equal("approvals/approved/approval-APR-1.json", repair.Kept);
        Assert.Equal(["approvals/pending/approval-APR-1.json"], repair.Removed);
        Assert.Contains("kept approvals/approved/approval-APR-1.json (3 history entries)", repair.Message);
        Assert.Equal(["approvals/approved/approval-APR-1.json"], tree.CopiesOf("APR-1"));
    }

    [Fact]
    public void After_a_crash_before_the_rename_the_temp_file_is_removed_and_the_old_record_stays()
    {
        using var tree = FixtureTree.Standard();
        var original = tree.Read("approvals/pending/approval-APR-1.json");
        tree.Write("approvals/approved/.approval-APR-1.json.4242.0123abcd.tmp", "{ \"schema\": \"opsconsole/appr");

        var repair = Assert.Single(RepairAll(tree));

        Assert.Equal(["approvals/approved/.approval-APR-1.json.4242.0123abcd.tmp"], repair.Removed);
        Assert.Equal(["approvals/pending/approval-APR-1.json"], tree.CopiesOf("APR-1"));
        Assert.Equal(original, tree.Read("approvals/pending/approval-APR-1.json"));
        Assert.False(tree.Exists("approvals/approved/.approval-APR-1.json.4242.0123abcd.tmp"));
    }

    [Fact]
    public void Copies_whose_histories_disagree_are_reported_and_left_alone()
    {
        using var tree = FixtureTree.Standard();
        var otherHistory = string.Join(",", FixtureTree.Chain("proposed"), FixtureTree.Entry("2026-05-02T10:00:00Z", "proposed", "pending", "zoe"),
            FixtureTree.Entry("2026-05-03T09:00:00Z", "pending", "rejected", "carla"));
        tree.WriteApproval(FixtureTree.Approval("APR-1", "rejected", history: otherHistory));
        var before = tree.Snapshot();

        var repair = Assert.Single(RepairAll(tree));

        Assert.False(repair.Resolved);
        Assert.Contains("histories disagree", repair.Message);
        Assert.Equal(before.Keys.Where(k => !k.StartsWith("approvals/.locks/", StringComparison.Ordinal)), tree.Snapshot().Keys.Where(k => !k.StartsWith("approvals/.locks/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_decision_on_an_unresolvable_duplicate_is_refused()
    {
        using var tree = FixtureTree.Standard();
        tree.WriteApproval(FixtureTree.Approval("APR-1", "rejected", history: string.Join(",", FixtureTree.Chain("proposed"),
            FixtureTree.Entry("2026-05-02T10:00:00Z", "proposed", "pending", "zoe"), FixtureTree.Entry("2026-05-03T09:00:00Z", "pending", "rejected", "carla"))));
        using var store = new ArtifactStore(tree.Root);

        var outcome = new ApprovalRepository(store).Decide("APR-1", ApprovalAction.Approve, "carla", "ok", NoApprovalBlockers.Instance);

        Assert.Equal([ApprovalRules.Duplicate], outcome.Refusals.Rules());
        Assert.Equal(2, tree.CopiesOf("APR-1").Count);
    }

    [Fact]
    public void A_decision_after_a_crash_repairs_first_and_then_sees_the_moved_record()
    {
        using var tree = FixtureTree.Standard();
        CrashAfterRename(tree);
        using var store = new ArtifactStore(tree.Root);

        var outcome = new ApprovalRepository(store).Decide("APR-1", ApprovalAction.MarkApplied, "carla", "applied in window 12", NoApprovalBlockers.Instance);

        Assert.True(outcome.IsApplied);
        Assert.True(Assert.Single(outcome.Repairs).Resolved);
        Assert.Equal(["approvals/applied/approval-APR-1.json"], tree.CopiesOf("APR-1"));
    }

    [Fact]
    public void A_tree_without_leftovers_needs_no_repair_and_gets_no_lock_files()
    {
        using var tree = FixtureTree.Standard();
        var before = tree.Snapshot();
        Assert.Empty(RepairAll(tree));
        Assert.Equal(before, tree.Snapshot());
    }
}

using System.Text.Json.Nodes;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.Storage;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Approvals;

public class ApprovalRepositoryTests
{
    private static DecisionOutcome Decide(FixtureTree tree, string id, ApprovalAction action, string actor = "carla")
    {
        using var store = new ArtifactStore(tree.Root);
        return new ApprovalRepository(store).Decide(id, action, actor, "reviewed in the console", NoApprovalBlockers.Instance);
    }

    [Fact]
    public void Approving_moves_the_file_to_approved_and_appends_history()
    {
        using var tree = FixtureTree.Standard();
        var outcome = Decide(tree, "APR-1", ApprovalAction.Approve);

        Assert.True(outcome.IsApplied);
        Assert.Equal(("approvals/pending/approval-APR-1.json", "approvals/approved/approval-APR-1.json"), (outcome.OldPath, outcome.NewPath));
        Assert.Equal(["approvals/approved/approval-APR-1.json"], tree.CopiesOf("APR-1"));
        var json = JsonNode.Parse(tree.Read("approvals/approved/approval-APR-1.json"))!;
        Assert.Equal("approved", (string?)json["state"]);
        var history = json["history"]!.AsArray();
        Assert.Equal(3, history.Count);
        Assert.Equal(("pending", "approved", "carla", "reviewed in the console"),
            ((string?)history[2]!["from"], (string?)history[2]!["to"], (string?)history[2]!["actor"], (string?)history[2]!["reason"]));
    }

    [Fact]
    public void Fields_this_version_does_not_know_survive_a_decision()
    {
        using var tree = FixtureTree.Standard();
        Decide(tree, "APR-1", ApprovalAction.Approve);
        var json = JsonNode.Parse(tree.Read("approvals/approved/approval-APR-1.json"))!;
        Assert.True((bool)json["x_future_field"]!["kept"]!);
        Assert.Equal("two interfaces", (string?)json["risk"]!["notes"]);
    }

    [Fact]
    public void Text_in_other_fields_is_written_back_as_it_was()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("approvals/pending/approval-APR-1.json", tree.Read("approvals/pending/approval-APR-1.json").Replace("two interfaces", "Ação <b>&</b> 'x'", StringComparison.Ordinal));

        Decide(tree, "APR-1", ApprovalAction.Approve);

        Assert.Contains("\"notes\": \"Ação <b>&</b> 'x'\"", tree.Read("approvals/approved/approval-APR-1.json"));
    }

    [Fact]
    public void A_refused_decision_changes_no_byte_and_creates_no_file()
    {
        using var tree = FixtureTree.Standard();
        var before = tree.Snapshot();

        var outcome = Decide(tree, "APR-1", ApprovalAction.Approve, actor: "ana");

        Assert.Equal([ApprovalRules.SelfApproval], outcome.Refusals.Rules());
        Assert.Equal(before, tree.Snapshot());
    }

    [Fact]
    public async Task Approval_is_refused_while_an_open_critical_incident_concerns_the_device()
    {
        using var tree = FixtureTree.Standard();
        var blockers = new FixedBlockers([.. await StopConditionBlockersTests.FindAsync(tree, "core-02", 202, "B-INC")]);
        using var store = new ArtifactStore(tree.Root);
        var refusal = Assert.Single(new ApprovalRepository(store).Decide("APR-INC", ApprovalAction.Approve, "carla", "reviewed in the console", blockers).Refusals);
        Assert.Equal(ApprovalRules.StopCondition, refusal.Rule);
        Assert.Contains("INC-9", refusal.Message);
        Assert.Equal(["approvals/pending/approval-APR-INC.json"], tree.CopiesOf("APR-INC"));
    }

    [Fact]
    public void An_unknown_id_is_refused_as_not_found()
    {
        using var tree = FixtureTree.Standard();
        Assert.Equal([ApprovalRules.NotFound], Decide(tree, "APR-404", ApprovalAction.Approve).Refusals.Rules());
        Assert.Equal([ApprovalRules.NotFound], Decide(tree, "../etc/passwd", ApprovalAction.Approve).Refusals.Rules());
    }

    [Fact]
    public void A_decision_is_refused_while_another_holder_keeps_the_lock()
    {
        using var tree = FixtureTree.Standard();
        using var store = new ArtifactStore(tree.Root);
        using var held = ApprovalLock.TryAcquire(store, "APR-1", TimeSpan.Zero);
        Assert.NotNull(held);

        var outcome = new ApprovalRepository(store) { LockWait = TimeSpan.Zero }
            .Decide("APR-1", ApprovalAction.Approve, "carla", "ok", NoApprovalBlockers.Instance);

        var refusal = Assert.Single(outcome.Refusals);
        Assert.Equal(ApprovalRules.Locked, refusal.Rule);
        Assert.Equal(["approvals/pending/approval-APR-1.json"], tree.CopiesOf("APR-1"));
    }

    [Fact]
    public void Two_threads_approving_the_same_id_leave_exactly_one_record()
    {
        using var tree = FixtureTree.Standard();
        var outcomes = new DecisionOutcome[2];
        Parallel.For(0, 2, n => outcomes[n] = Decide(tree, "APR-1", ApprovalAction.Approve, actor: n == 0 ? "carla" : "dario"));

        Assert.Single(outcomes, o => o.IsApplied);
        var loser = Assert.Single(outcomes, o => !o.IsApplied);
        Assert.Contains(loser.Refusals.Rules().Single(), new[] { ApprovalRules.IllegalTransition, ApprovalRules.Locked });
        Assert.Equal(["approvals/approved/approval-APR-1.json"], tree.CopiesOf("APR-1"));
    }
}

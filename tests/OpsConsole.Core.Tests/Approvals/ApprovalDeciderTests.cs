using OpsConsole.Core.Approvals;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Approvals;

public class ApprovalDeciderTests
{
    [Fact]
    public void Approving_appends_one_history_entry_and_changes_the_state()
    {
        var record = Records.InState("pending");
        var result = Records.Decide(record, ApprovalAction.Approve, actor: " carla ", reason: "checked the diff", at: Records.Now.AddMilliseconds(730));

        Assert.True(result.IsAccepted);
        Assert.Equal("approved", result.Record!.State);
        Assert.Equal(record.History, result.Record.History.Take(record.History.Count));
        var entry = result.Record.History[^1];
        Assert.Equal((Records.Now, "pending", "approved", "carla", "checked the diff"), (entry.At, entry.From, entry.To, entry.Actor, entry.Reason));
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("ANA")]
    [InlineData(" Ana ")]
    public void The_requester_cannot_approve_their_own_request(string actor)
    {
        var result = Records.Decide(Records.InState("pending", requestedBy: "ana"), ApprovalAction.Approve, actor: actor);

        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(ApprovalRules.SelfApproval, refusal.Rule);
        Assert.Contains("requested APR-T and cannot approve it", refusal.Message);
    }

    [Fact]
    public void The_requester_may_still_reject_or_expire_their_own_request()
    {
        Assert.True(Records.Decide(Records.InState("pending"), ApprovalAction.Reject, actor: "ana").IsAccepted);
        Assert.True(Records.Decide(Records.InState("pending"), ApprovalAction.Expire, actor: "ana").IsAccepted);
    }

    [Theory]
    [InlineData("approve", "pending")]
    [InlineData("reject", "pending")]
    [InlineData("mark-applied", "approved")]
    public void Deciding_after_expires_at_is_refused(string action, string state)
    {
        var record = Records.InState(state, expiresAt: "2026-05-31T00:00:00Z");
        var refusal = Assert.Single(Records.Decide(record, ApprovalAction.Find(action)!).Refusals);
        Assert.Equal(ApprovalRules.DecidedAfterExpiry, refusal.Rule);
        Assert.Contains("expired at 2026-05-31T00:00:00Z", refusal.Message);
    }

    [Fact]
    public void Expiring_after_expires_at_is_accepted() =>
        Assert.True(Records.Decide(Records.InState("pending", expiresAt: "2026-05-31T00:00:00Z"), ApprovalAction.Expire).IsAccepted);

    [Fact]
    public void A_record_without_expires_at_never_expires_by_time() =>
        Assert.True(Records.Decide(Records.InState("pending", expiresAt: null), ApprovalAction.Approve, at: Records.Now.AddYears(50)).IsAccepted);

    [Fact]
    public void A_blocker_refuses_approval_and_names_its_source()
    {
        var blockers = new FixedBlockers(new ApprovalBlocker("incidents/INC-9.json", "INC-9 is an open critical incident on edge-01"));
        var refusal = Assert.Single(Records.Decide(Records.InState("pending"), ApprovalAction.Approve, blockers: blockers).Refusals);
        Assert.Equal(ApprovalRules.StopCondition, refusal.Rule);
        Assert.Equal("INC-9 is an open critical incident on edge-01 (incidents/INC-9.json)", refusal.Message);
    }

    [Fact]
    public void A_blocker_does_not_stop_rejecting()
    {
        var blockers = new FixedBlockers(new ApprovalBlocker("incidents/INC-9.json", "open critical"));
        Assert.True(Records.Decide(Records.InState("pending"), ApprovalAction.Reject, blockers: blockers).IsAccepted);
    }

    [Fact]
    public void An_inconsistent_record_is_not_decided_at_all()
    {
        var result = Records.Decide(Records.InState("pending"), ApprovalAction.Expire, folder: "approved");
        Assert.Equal([ApprovalRules.FolderState], result.Rules());
    }

    [Fact]
    public void A_self_approved_record_cannot_be_marked_applied_but_can_be_expired()
    {
        var history = string.Join(",", FixtureTree.Chain("pending"), FixtureTree.Entry("2026-05-03T09:00:00Z", "pending", "approved", "ana"));
        var record = Records.Parse(FixtureTree.Approval("APR-T", "approved", history: history));

        Assert.Equal([ApprovalRules.Tainted], Records.Decide(record, ApprovalAction.MarkApplied).Rules());
        Assert.True(Records.Decide(record, ApprovalAction.Expire).IsAccepted);
    }

    [Theory]
    [InlineData("", "reason")]
    [InlineData("  ", "reason")]
    [InlineData("carla", "")]
    [InlineData("carla", "NETBOX_WRITE_TOKEN=abcdef0123456789")]
    public void Missing_actor_or_reason_or_a_secret_in_the_reason_is_refused(string actor, string reason) =>
        Assert.Contains(ApprovalRules.InvalidInput, Records.Decide(Records.InState("pending"), ApprovalAction.Approve, actor: actor, reason: reason).Rules());

    [Fact]
    public void A_clock_behind_the_last_history_entry_is_refused() =>
        Assert.Equal([ApprovalRules.HistoryOrder],
            Records.Decide(Records.InState("pending"), ApprovalAction.Reject, at: new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)).Rules());

    [Fact]
    public void All_refusals_are_reported_together()
    {
        var blockers = new FixedBlockers(new ApprovalBlocker("incidents/INC-9.json", "open critical"));
        var result = Records.Decide(Records.InState("pending", expiresAt: "2026-05-31T00:00:00Z"), ApprovalAction.Approve, actor: "ana", blockers: blockers);
        Assert.Equal([ApprovalRules.SelfApproval, ApprovalRules.DecidedAfterExpiry, ApprovalRules.StopCondition], result.Rules());
    }
}

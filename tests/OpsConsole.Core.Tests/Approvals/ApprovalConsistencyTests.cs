using OpsConsole.Core.Approvals;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Approvals;

public class ApprovalConsistencyTests
{
    [Theory]
    [InlineData("proposed")]
    [InlineData("pending")]
    [InlineData("approved")]
    [InlineData("rejected")]
    [InlineData("applied")]
    [InlineData("expired")]
    public void A_record_with_a_legal_history_in_its_own_folder_has_no_findings(string state) =>
        Assert.Empty(ApprovalConsistency.Check(Records.InState(state), state, "approval-APR-T.json"));

    [Fact]
    public void A_record_in_another_state_folder_is_reported_as_folder_state()
    {
        var finding = Assert.Single(ApprovalConsistency.Check(Records.InState("pending"), "approved"));
        Assert.Equal(ApprovalRules.FolderState, finding.Rule);
        Assert.Equal("APR-T is in folder approvals/approved/ but its state is \"pending\"", finding.Message);
    }

    [Fact]
    public void A_last_history_entry_that_differs_from_the_state_is_reported_as_history_state()
    {
        var record = Records.Parse(FixtureTree.Approval("APR-T", "approved", history: FixtureTree.Chain("pending")));
        var finding = Assert.Single(ApprovalConsistency.Check(record, "approved"));
        Assert.Equal(ApprovalRules.HistoryState, finding.Rule);
        Assert.Contains("moves to \"pending\" but the state is \"approved\"", finding.Message);
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("approved")]
    [InlineData("applied")]
    public void A_history_that_does_not_start_with_proposed_skipped_the_workflow(string firstTo)
    {
        var record = Records.Parse(FixtureTree.Approval("APR-T", firstTo, history: FixtureTree.Entry("2026-05-01T09:00:00Z", null, firstTo, "bruno")));

        var finding = Assert.Single(ApprovalConsistency.Check(record, firstTo));

        Assert.Equal(ApprovalRules.IllegalTransition, finding.Rule);
        Assert.Equal($"APR-T: history[0] moves null → {firstTo} (2026-05-01T09:00:00Z, by bruno); every record must start null → proposed, so this one skipped the workflow", finding.Message);
    }

    [Fact]
    public void An_empty_history_is_reported_as_history_state()
    {
        var record = Records.Parse(FixtureTree.Approval("APR-T", "pending", history: ""));
        Assert.Equal([ApprovalRules.HistoryState], ApprovalConsistency.Check(record, "pending").Rules());
    }

    [Fact]
    public void A_skipped_step_in_the_history_is_reported_as_an_illegal_transition()
    {
        var history = string.Join(",", FixtureTree.Entry("2026-05-01T09:00:00Z", null, "proposed", "ana"),
            FixtureTree.Entry("2026-05-02T09:00:00Z", "proposed", "approved", "bruno"));
        var record = Records.Parse(FixtureTree.Approval("APR-T", "approved", history: history));

        var finding = Assert.Single(ApprovalConsistency.Check(record, "approved"));
        Assert.Equal(ApprovalRules.IllegalTransition, finding.Rule);
        Assert.Contains("history[1] moves proposed → approved", finding.Message);
    }

    [Fact]
    public void An_entry_that_does_not_start_where_the_previous_ended_is_reported_as_history_chain()
    {
        var history = string.Join(",", FixtureTree.Entry("2026-05-01T09:00:00Z", null, "proposed", "ana"),
            FixtureTree.Entry("2026-05-02T09:00:00Z", "pending", "approved", "bruno"));
        var record = Records.Parse(FixtureTree.Approval("APR-T", "approved", history: history));
        Assert.Equal([ApprovalRules.HistoryChain], ApprovalConsistency.Check(record, "approved").Rules());
    }

    [Fact]
    public void Entries_out_of_time_order_are_reported_as_history_order()
    {
        var history = string.Join(",", FixtureTree.Entry("2026-05-03T09:00:00Z", null, "proposed", "ana"),
            FixtureTree.Entry("2026-05-02T09:00:00Z", "proposed", "pending", "ana"));
        var record = Records.Parse(FixtureTree.Approval("APR-T", "pending", history: history));
        Assert.Equal([ApprovalRules.HistoryOrder], ApprovalConsistency.Check(record, "pending").Rules());
    }

    [Fact]
    public void Approval_by_the_requester_is_reported_as_self_approval_naming_the_person()
    {
        var history = string.Join(",", FixtureTree.Entry("2026-05-01T09:00:00Z", null, "proposed", "ana"),
            FixtureTree.Entry("2026-05-02T09:00:00Z", "proposed", "pending", "ana"),
            FixtureTree.Entry("2026-05-03T09:00:00Z", "pending", "approved", "ANA "));
        var record = Records.Parse(FixtureTree.Approval("APR-T", "approved", history: history));

        var finding = Assert.Single(ApprovalConsistency.Check(record, "approved"));
        Assert.Equal(ApprovalRules.SelfApproval, finding.Rule);
        Assert.Contains("approved by its requester ANA", finding.Message);
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("rejected")]
    public void A_decision_dated_after_expires_at_is_reported(string decision)
    {
        var record = Records.Parse(FixtureTree.Approval("APR-T", decision, expiresAt: "2026-05-02T12:00:00Z"));

        var finding = Assert.Single(ApprovalConsistency.Check(record, decision));
        Assert.Equal(ApprovalRules.DecidedAfterExpiry, finding.Rule);
        Assert.Contains($"moved to {decision} at 2026-05-03T09:00:00Z, after it expired at 2026-05-02T12:00:00Z", finding.Message);
    }

    [Fact]
    public void Expiring_after_expires_at_is_not_a_finding() =>
        Assert.Empty(ApprovalConsistency.Check(Records.InState("expired", expiresAt: "2026-05-02T12:00:00Z"), "expired"));

    [Fact]
    public void A_file_named_for_another_id_is_reported_as_file_id() =>
        Assert.Equal([ApprovalRules.FileId], ApprovalConsistency.Check(Records.InState("pending"), "pending", "approval-APR-X.json").Rules());

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var record = Records.Parse(FixtureTree.Approval("APR-T", "approved", stateField: "pending", history: FixtureTree.Chain("approved")));
        Assert.Equal([ApprovalRules.FolderState, ApprovalRules.HistoryState], ApprovalConsistency.Check(record, "approved").Rules());
    }
}

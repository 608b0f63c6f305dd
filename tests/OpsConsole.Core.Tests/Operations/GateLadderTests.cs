using OpsConsole.Core.Operations;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Operations;

public sealed class GateLadderTests
{
    private const string WriteTokenMissing = "no NETBOX_WRITE_TOKEN existed";

    [Fact]
    public void Steps_follow_the_ladder_order_with_their_stage_title_and_requires()
    {
        var evaluation = LadderFixture.AllPassed().Evaluate();

        Assert.Equal(LadderFixture.Reference.Select(s => s.Gate), evaluation.Steps.Select(s => s.GateId));
        var intake = evaluation.Steps[3];
        Assert.Equal("week1-intake", intake.GateId);
        Assert.Equal("week1", intake.Stage);
        Assert.Equal("Title of week1-intake", intake.Title);
        Assert.Equal(["week1-preparation"], intake.Requires);
        Assert.Equal("operations/cycle-002/week1-intake.json", intake.Path);
        Assert.Equal(["start", "week1", "week2", "approvals", "applyplan", "real-write"], evaluation.ByStage.Select(g => g.Key));
    }

    [Fact]
    public void A_complete_ladder_with_every_gate_passed_is_passed()
    {
        var evaluation = LadderFixture.AllPassed().Evaluate();

        Assert.Equal(GateStatuses.Passed, evaluation.OverallStatus);
        Assert.All(evaluation.Steps, s => Assert.Equal(GateStatuses.Passed, s.EffectiveStatus));
        Assert.Null(evaluation.CurrentGate);
        Assert.Empty(evaluation.BlockedGates);
        Assert.Empty(evaluation.ViolationGates);
        Assert.Empty(evaluation.TimestampRegressions);
        Assert.Null(evaluation.Problem);
    }

    [Fact]
    public void A_missing_gate_file_is_unknown_and_the_gates_above_it_say_why()
    {
        var evaluation = LadderFixture.AllPassed()
            .Remove("week1-intake")
            .Gate("week1-validation", "pending")
            .Gate("week1-response-seed", "not-started")
            .Evaluate();

        var intake = evaluation.Steps.Single(s => s.GateId == "week1-intake");
        Assert.Equal(GateStatuses.Unknown, intake.EffectiveStatus);
        Assert.Null(intake.RawStatus);
        Assert.True(intake.IsMissing);
        Assert.Equal("file operations/cycle-002/week1-intake.json is missing", intake.Problem);
        var validation = evaluation.Steps.Single(s => s.GateId == "week1-validation");
        Assert.Equal(GateStatuses.Pending, validation.EffectiveStatus);
        Assert.Contains("requires week1-intake, which is unknown (file operations/cycle-002/week1-intake.json is missing)",
            validation.Reasons.Select(r => r.Text));
        Assert.Equal("week1-intake", evaluation.CurrentGate?.GateId);
    }

    [Fact]
    public void An_unreadable_gate_file_is_unknown_with_the_reason_it_cannot_be_read()
    {
        var evaluation = LadderFixture.AllPassed()
            .File("operations/cycle-002/week2-review.json", """{"schema":"opsconsole/gate@1","cycle_id":"cycle-002",""")
            .Evaluate();

        var review = evaluation.Steps.Single(s => s.GateId == "week2-review");
        Assert.Equal(GateStatuses.Unknown, review.EffectiveStatus);
        Assert.False(review.IsMissing);
        Assert.StartsWith("file operations/cycle-002/week2-review.json is unreadable: ", review.Problem);
        Assert.Equal(GateStatuses.Violation, evaluation.Steps.Single(s => s.GateId == "week2-proposed-approvals").EffectiveStatus);
    }

    [Fact]
    public void A_gate_file_that_names_another_cycle_or_gate_is_unknown()
    {
        var evaluation = LadderFixture.AllPassed()
            .File("operations/cycle-002/manual-review.json", ArtifactJson.Gate("cycle-001", "manual-review", "passed"))
            .File("operations/cycle-002/simulation.json", ArtifactJson.Gate("cycle-002", "dryrun-gate", "passed"))
            .Evaluate();

        var review = evaluation.Steps.Single(s => s.GateId == "manual-review");
        Assert.Equal(GateStatuses.Unknown, review.EffectiveStatus);
        Assert.Equal(GateStatuses.Passed, review.RawStatus);
        Assert.Contains("says cycle_id \"cycle-001\"", review.Problem);
        var simulation = evaluation.Steps.Single(s => s.GateId == "simulation");
        Assert.Equal(GateStatuses.Unknown, simulation.EffectiveStatus);
        Assert.Contains("says gate \"dryrun-gate\"", simulation.Problem);
    }

    [Fact]
    public void A_gate_passed_while_a_gate_it_requires_is_blocked_is_a_violation_not_passed()
    {
        var evaluation = LadderFixture.AllPassed()
            .Gate("week1-intake", "blocked", null, ("responses", "fail", "3 teams have not answered"))
            .Evaluate();

        var validation = evaluation.Steps.Single(s => s.GateId == "week1-validation");
        Assert.Equal(GateStatuses.Passed, validation.RawStatus);
        Assert.Equal(GateStatuses.Violation, validation.EffectiveStatus);
        Assert.Equal(
            "marked passed while it requires week1-intake, which is blocked (check responses failed: 3 teams have not answered)",
            Assert.Single(validation.Violations).Text);
        Assert.Equal(GateStatuses.Violation, evaluation.OverallStatus);
    }

    [Fact]
    public void A_violation_taints_every_passed_gate_that_requires_it()
    {
        var evaluation = LadderFixture.AllPassed().Gate("week1-intake", "blocked").Evaluate();

        Assert.All(evaluation.Steps.Skip(4), s => Assert.Equal(GateStatuses.Violation, s.EffectiveStatus));
        Assert.All(evaluation.Steps.Take(3), s => Assert.Equal(GateStatuses.Passed, s.EffectiveStatus));
    }

    [Fact]
    public void A_gate_passed_with_a_failing_check_is_a_violation()
    {
        var evaluation = LadderFixture.AllPassed()
            .Gate("real-write-preflight", "passed", null, ("write-token", "fail", WriteTokenMissing), ("dry-run", "pass", ""))
            .Evaluate();

        var preflight = evaluation.Steps.Single(s => s.GateId == "real-write-preflight");
        Assert.Equal(GateStatuses.Violation, preflight.EffectiveStatus);
        Assert.Equal("marked passed while check write-token failed: no NETBOX_WRITE_TOKEN existed", Assert.Single(preflight.Violations).Text);
    }

    [Fact]
    public void A_requires_id_that_is_not_in_the_ladder_is_a_violation()
    {
        var evaluation = LadderFixture.AllPassed().Requires("manual-review", "week2-manual-approval-ready", "cab-signoff").Evaluate();

        var review = evaluation.Steps.Single(s => s.GateId == "manual-review");
        Assert.Equal(GateStatuses.Violation, review.EffectiveStatus);
        Assert.Equal("requires cab-signoff, which is not a gate of this ladder", Assert.Single(review.Violations).Text);
    }

    [Fact]
    public void Requires_that_lead_back_to_the_gate_are_a_violation_instead_of_a_hang()
    {
        var evaluation = LadderFixture.AllPassed().Requires("start-gate", "week1-activation").Evaluate();

        Assert.Equal(GateStatuses.Violation, evaluation.Steps[0].EffectiveStatus);
        Assert.Equal(GateStatuses.Violation, evaluation.OverallStatus);
    }

    [Theory]
    [InlineData("pending", "pending")]
    [InlineData("not-started", "pending")]
    [InlineData("blocked", "blocked")]
    [InlineData("failed", "failed")]
    public void The_overall_status_is_never_better_than_the_worst_gate(string lastGateStatus, string expectedOverall)
    {
        var evaluation = LadderFixture.AllPassed().Gate("real-write-attempt", lastGateStatus).Evaluate();

        Assert.Equal(expectedOverall, evaluation.OverallStatus);
        Assert.Equal("real-write-attempt", evaluation.CurrentGate?.GateId);
    }

    [Fact]
    public void One_unknown_gate_makes_the_whole_cycle_unknown_even_when_the_rest_passed()
    {
        var evaluation = LadderFixture.AllPassed().Remove("real-write-attempt").Evaluate();

        Assert.Equal(GateStatuses.Unknown, evaluation.OverallStatus);
    }

    [Fact]
    public void A_ladder_blocked_in_preflight_is_blocked_and_no_later_gate_is_passed()
    {
        var fixture = LadderFixture.AllPassed()
            .Gate("real-write-preflight", "blocked", null, ("write-token", "fail", WriteTokenMissing));
        foreach (var later in new[] { "real-write-package", "real-write-freeze", "real-write-attempt" })
        {
            fixture.Gate(later, "not-started");
        }

        var evaluation = fixture.Evaluate();

        Assert.Equal(GateStatuses.Blocked, evaluation.OverallStatus);
        Assert.Equal("real-write-preflight", evaluation.CurrentGate?.GateId);
        Assert.Equal(["real-write-preflight"], evaluation.BlockedGates.Select(s => s.GateId));
        Assert.All(evaluation.Steps.SkipWhile(s => s.GateId != "real-write-preflight").Skip(1), s => Assert.False(s.IsPassed));
        Assert.Contains("check write-token failed: no NETBOX_WRITE_TOKEN existed", evaluation.CurrentGate!.Reasons.Select(r => r.Text));
        Assert.Contains("requires real-write-preflight, which is blocked (check write-token failed: no NETBOX_WRITE_TOKEN existed)",
            evaluation.Steps.Single(s => s.GateId == "real-write-package").Reasons.Select(r => r.Text));
        Assert.False(evaluation.FreezeInEffect);
    }

    [Fact]
    public void A_gate_generated_before_an_earlier_gate_is_flagged_without_changing_its_status()
    {
        var evaluation = LadderFixture.AllPassed()
            .Gate("week2-review", "passed", "2026-05-02T06:30:00Z")
            .Evaluate();

        var regression = Assert.Single(evaluation.TimestampRegressions);
        Assert.Equal("week2-review", regression.GateId);
        Assert.Equal("week2-preparation", regression.EarlierGateId);
        Assert.Equal("generated at 2026-05-02T06:30:00Z, before week2-preparation (generated at 2026-05-02T13:00:00Z), which comes earlier in the ladder",
            regression.Reason.Text);
        Assert.Contains(regression.Reason, evaluation.Steps.Single(s => s.GateId == "week2-review").Reasons);
        Assert.Equal(GateStatuses.Passed, evaluation.OverallStatus);
    }

    [Fact]
    public void A_not_started_placeholder_written_early_is_not_a_timestamp_regression()
    {
        var evaluation = LadderFixture.AllPassed().Gate("real-write-attempt", "not-started", LadderFixture.HoursAfterStart(-5)).Evaluate();

        Assert.Empty(evaluation.TimestampRegressions);
    }

    [Fact]
    public void A_passed_freeze_gate_puts_the_freeze_in_effect()
    {
        var evaluation = LadderFixture.AllPassed().Gate("real-write-attempt", "pending").Evaluate();

        Assert.True(evaluation.FreezeInEffect);
        Assert.Equal("real-write-freeze", evaluation.FreezeGate?.GateId);
    }

    [Fact]
    public void A_freeze_gate_that_has_not_passed_puts_no_freeze_in_effect()
    {
        var evaluation = LadderFixture.AllPassed().Gate("real-write-freeze", "pending").Gate("real-write-attempt", "not-started").Evaluate();

        Assert.False(evaluation.FreezeInEffect);
        Assert.Null(evaluation.FreezeGate);
    }

    [Fact]
    public void A_missing_cycle_file_makes_the_cycle_unknown()
    {
        var evaluation = GateLadder.Evaluate("cycle-009", _ => null);

        Assert.Equal(GateStatuses.Unknown, evaluation.OverallStatus);
        Assert.Equal("file operations/cycle-009/cycle.json is missing", evaluation.Problem?.Text);
        Assert.Empty(evaluation.Steps);
    }

    [Fact]
    public void A_cycle_file_that_names_another_cycle_makes_the_cycle_unknown()
    {
        var evaluation = LadderFixture.AllPassed()
            .File("operations/cycle-002/cycle.json", ArtifactJson.Cycle("cycle-003", ("start-gate", "start", [])))
            .Evaluate();

        Assert.Equal(GateStatuses.Unknown, evaluation.OverallStatus);
        Assert.Equal("cycle.wrong-id", evaluation.Problem?.Code);
    }
}

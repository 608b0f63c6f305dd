using OpsConsole.Core.Operations;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.StopConditions;

public sealed class GateOrderConditionTests
{
    private static IndexedArtifactRoot Cycle(string startStatus, string intakeStatus) => new IndexedArtifactRoot()
        .Write("operations/cycle-002/cycle.json", ArtifactJson.Cycle("cycle-002",
            ("start-gate", "start", []), ("week1-intake", "week1", ["start-gate"])))
        .Write("operations/cycle-002/start-gate.json", ArtifactJson.Gate("cycle-002", "start-gate", startStatus))
        .Write("operations/cycle-002/week1-intake.json", ArtifactJson.Gate("cycle-002", "week1-intake", intakeStatus, "2026-05-02T07:00:00Z"));

    [Fact]
    public async Task A_gate_passed_while_its_required_gate_is_blocked_triggers_condition_7()
    {
        using var root = Cycle("blocked", "passed");

        var evaluation = await root.EvaluateAsync();

        var trigger = Assert.Single(evaluation[7].Triggers);
        Assert.Equal("operations/cycle-002/week1-intake.json", trigger.Path);
        Assert.Equal("cycle cycle-002, gate week1-intake: marked passed while it requires start-gate, which is blocked (the gate says: summary of start-gate)",
            trigger.Reason);
        Assert.Equal(GateStatuses.Violation, Assert.Single(evaluation.Cycles).OverallStatus);
    }

    [Fact]
    public async Task A_ladder_in_order_leaves_condition_7_clear()
    {
        using var root = Cycle("passed", "pending");

        var evaluation = await root.EvaluateAsync();

        Assert.Equal(StopStates.Clear, evaluation[7].State);
        Assert.Equal(GateStatuses.Pending, Assert.Single(evaluation.Cycles).OverallStatus);
    }

    [Fact]
    public async Task An_unreadable_gate_file_leaves_condition_7_unknown()
    {
        using var root = Cycle("passed", "pending").Write("operations/cycle-002/week1-intake.json", "{");

        var condition = (await root.EvaluateAsync())[7];

        Assert.Equal(StopStates.Unknown, condition.State);
        Assert.Equal("operations/cycle-002/week1-intake.json", Assert.Single(condition.UnreadableInputs).Path);
    }

    [Fact]
    public async Task Gate_files_without_a_cycle_file_leave_condition_7_unknown()
    {
        using var root = new IndexedArtifactRoot()
            .Write("operations/cycle-003/start-gate.json", ArtifactJson.Gate("cycle-003", "start-gate", "passed"));

        var condition = (await root.EvaluateAsync())[7];

        Assert.Equal(StopStates.Unknown, condition.State);
        Assert.Contains("has no cycle.json", Assert.Single(condition.UnreadableInputs).Reason);
    }
}

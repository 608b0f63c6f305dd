using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

public class ApprovalStopConditionTests
{
    private static string Report(string device, long id, string status, string divergences, int checks = 10, int passed = 9, int failed = 1) => $$"""
        {
          "schema": "opsconsole/compliance-report@1",
          "report_id": "CR-{{device}}",
          "device": { "id": {{id}}, "name": "{{device}}" },
          "generated_at": "2026-05-02T06:00:00Z",
          "source": "nightly-compliance",
          "status": "{{status}}",
          "divergences": [ {{divergences}} ],
          "incidents": [],
          "summary": { "checks": {{checks}}, "passed": {{passed}}, "failed": {{failed}} }
        }
        """;

    private const string OneDivergence = """{ "field": "tenant", "expected": "acme", "actual": "", "severity": "high" }""";

    [Fact]
    public async Task Approve_is_refused_while_a_contradicting_report_for_the_device_holds_and_every_file_stays_byte_identical()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("compliance/2026-05-02/edge-01.json", Report("edge-01", 101, "compliant", OneDivergence));
        var before = tree.Snapshot();

        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "diff reviewed");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused: approve APR-1", run.Error);
        Assert.Contains("[stop-condition] stop condition 2 (Compliance report contradicts itself) holds:", run.Error);
        Assert.Contains("(compliance/2026-05-02/edge-01.json)", run.Error);
        Assert.Equal(before, tree.Snapshot());
        var audit = CliHost.AuditEvents(tree).Last();
        Assert.Equal(("approval.approve", "refused"), (audit.Type, audit.Outcome));
        Assert.Contains("stop-condition", audit.Detail);
    }

    [Fact]
    public async Task A_contradicting_report_for_another_device_does_not_block_the_approval()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("compliance/2026-05-02/other-09.json", Report("other-09", 909, "compliant", OneDivergence));

        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "diff reviewed");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["approvals/approved/approval-APR-1.json"], tree.CopiesOf("APR-1"));
    }

    [Fact]
    public async Task An_unreadable_report_for_the_device_blocks_the_approval_because_it_cannot_be_ruled_out()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("compliance/2026-05-02/edge-01.json", "{ not json");
        var before = tree.Snapshot();

        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "diff reviewed");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[stop-condition] stop condition 2 (Compliance report contradicts itself) cannot be ruled out: unreadable:", run.Error);
        Assert.Equal(before, tree.Snapshot());
    }

    [Fact]
    public async Task An_incomplete_plan_for_the_batch_blocks_the_approval_of_that_batch()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("batches/plans/B-1.json", FixtureTree.Plan("B-1", "APR-1",
            objects: """{ "kind": "dcim.interface", "action": "update", "lookup": { "name": "eth0" }, "staged_payload": {} }"""));

        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "diff reviewed");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[stop-condition] stop condition 5 (Apply plan with an incomplete payload) holds:", run.Error);
        Assert.Contains("(batches/plans/B-1.json)", run.Error);
    }

    [Fact]
    public async Task Reject_is_not_blocked_by_a_stop_condition()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("compliance/2026-05-02/edge-01.json", Report("edge-01", 101, "compliant", OneDivergence));

        var run = await CliHost.RunAsync(tree, "approval", "reject", "APR-1", "--actor", "carla", "--reason", "report contradicts itself");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["approvals/rejected/approval-APR-1.json"], tree.CopiesOf("APR-1"));
    }
}

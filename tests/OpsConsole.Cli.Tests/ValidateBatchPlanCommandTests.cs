using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

public class ValidateBatchPlanCommandTests
{
    private static Task<CliRun> Validate(FixtureTree tree, string planRel, string id = "101", string device = "edge-01") =>
        CliHost.RunAsync(tree, "validate", "batch-plan", "--plan", Path.Combine(tree.Root, planRel), "--expected-device-id", id, "--expected-device", device);

    [Fact]
    public async Task A_valid_plan_exits_zero_and_says_so()
    {
        using var tree = FixtureTree.Standard();
        var run = await Validate(tree, "batches/plans/B-2.json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("ok: plan B-2 for edge-01 is valid (2 objects, approval APR-2 approved)", run.Output.Trim());
    }

    [Fact]
    public async Task Every_finding_is_printed_and_the_exit_code_is_one()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("batches/plans/B-1.json", FixtureTree.Plan("B-1", "APR-1", objects: """
            { "kind": "dcim.interface", "action": "update", "lookup": { "name": "eth0" } }
            """));

        var run = await Validate(tree, "batches/plans/B-1.json", "102", "edge-01");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([
            "FAIL [device-mismatch] plan B-1 is for edge-01 (id 101), expected edge-01 (id 102)",
            "FAIL [device-mismatch] expected id 102 for edge-01, but the inventory (devices.json) gives id 101",
            "FAIL [incomplete-payload] plan B-1: objects[0] (dcim.interface update) has no staged_payload",
            "FAIL [device-mismatch] approval APR-1 is for edge-01 (id 101), expected edge-01 (id 102)",
            "FAIL [approval-state] approval APR-1 is pending, not approved (approvals/pending/approval-APR-1.json)",
            "FAIL [stop-condition] stop condition 5 (Apply plan with an incomplete payload) holds: plan B-1: objects[0] (dcim.interface update) has no staged_payload (batches/plans/B-1.json)",
            "plan B-1: 6 finding(s)",
        ], lines);
    }

    [Fact]
    public async Task A_plan_that_agrees_with_the_expectation_but_not_with_the_inventory_is_refused()
    {
        using var tree = FixtureTree.Standard();
        tree.WriteApproval(FixtureTree.Approval("APR-7", "approved", deviceId: 999, batch: "B-7"));
        tree.Write("batches/plans/B-7.json", FixtureTree.Plan("B-7", "APR-7", deviceId: 999));

        var run = await Validate(tree, "batches/plans/B-7.json", "999");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL [device-mismatch] plan B-7 gives edge-01 (id 999), but the inventory (devices.json) gives id 101", run.Output);
        Assert.Contains("FAIL [stop-condition] stop condition 6 (Device id differs between artifacts) holds: device edge-01 has 2 different ids", run.Output);
    }

    [Fact]
    public async Task Without_an_inventory_no_plan_is_valid()
    {
        using var tree = FixtureTree.Standard();
        File.Delete(Path.Combine(tree.Root, "devices.json"));

        var run = await Validate(tree, "batches/plans/B-2.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL [inventory] devices.json is missing: the device id of plan B-2 cannot be compared with the inventory", run.Output);
    }

    [Fact]
    public async Task Every_stop_condition_concerning_the_batch_applies_not_only_incidents()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("batches/results/B-2-run1.json", """
            { "schema": "opsconsole/batch-result@1", "batch_id": "B-2", "run_id": "B-2-run1", "mode": "real", "operator": "ops",
              "started_at": "2026-05-04T10:00:00Z", "finished_at": "2026-05-04T10:05:00Z", "outcome": "failed",
              "items": [ { "object": "dcim.interface:eth0", "action": "create", "status": "exists", "message": "already there" } ] }
            """);

        var run = await Validate(tree, "batches/plans/B-2.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL [stop-condition] stop condition 3 (Object already exists upstream in a real run) holds:", run.Output);
    }

    [Fact]
    public async Task A_missing_plan_file_is_a_finding_not_a_crash()
    {
        using var tree = FixtureTree.Standard();
        var run = await Validate(tree, "batches/plans/none.json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL [schema] plan file", run.Output);
        Assert.Contains("does not exist", run.Output);
    }
}

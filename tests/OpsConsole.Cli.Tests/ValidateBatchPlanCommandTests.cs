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
            "FAIL [incomplete-payload] plan B-1: objects[0] (dcim.interface update) has no staged_payload",
            "FAIL [device-mismatch] approval APR-1 is for edge-01 (id 101), expected edge-01 (id 102)",
            "FAIL [approval-state] approval APR-1 is pending, not approved (approvals/pending/approval-APR-1.json)",
            "plan B-1: 4 finding(s)",
        ], lines);
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

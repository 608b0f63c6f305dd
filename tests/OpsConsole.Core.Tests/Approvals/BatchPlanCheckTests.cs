using OpsConsole.Core.Approvals;
using OpsConsole.Core.Storage;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Approvals;

public class BatchPlanCheckTests
{
    /// <summary>The inventory of <see cref="FixtureTree.Standard"/>.</summary>
    private static readonly PlanInventory StandardInventory = new(new Dictionary<string, long> { ["edge-01"] = 101, ["core-02"] = 202 }, null);

    private static BatchPlanReport Check(FixtureTree tree, string planRel, long id = 101, string device = "edge-01",
        PlanInventory? inventory = null, IApprovalBlockers? blockers = null)
    {
        using var store = new ArtifactStore(tree.Root);
        return BatchPlanCheck.Check(Path.Combine(tree.Root, planRel), id, device, new ApprovalRepository(store),
            blockers ?? NoApprovalBlockers.Instance, Records.Now, inventory ?? StandardInventory);
    }

    [Fact]
    public void A_complete_plan_for_the_expected_device_with_an_approved_approval_is_valid()
    {
        using var tree = FixtureTree.Standard();
        var report = Check(tree, "batches/plans/B-2.json");
        Assert.Empty(report.Findings);
        Assert.True(report.IsValid);
    }

    [Theory]
    [InlineData(102, "edge-01", 3)] // plan and approval differ from the expectation, and the inventory gives edge-01 id 101
    [InlineData(101, "edge-02", 2)] // plan and approval differ from the expectation
    public void A_plan_for_another_device_than_expected_is_a_device_mismatch(long id, string name, int findings)
    {
        using var tree = FixtureTree.Standard();
        var report = Check(tree, "batches/plans/B-2.json", id, name);
        Assert.Equal(Enumerable.Repeat("device-mismatch", findings), report.Findings.Rules());
    }

    [Fact]
    public void A_plan_agreeing_with_the_expectation_but_not_with_the_inventory_is_a_device_mismatch()
    {
        using var tree = FixtureTree.Standard();
        tree.WriteApproval(FixtureTree.Approval("APR-7", "approved", deviceId: 999, batch: "B-7"));
        tree.Write("batches/plans/B-7.json", FixtureTree.Plan("B-7", "APR-7", deviceId: 999));

        var report = Check(tree, "batches/plans/B-7.json", 999);

        Assert.Equal([
            "plan B-7 gives edge-01 (id 999), but the inventory (devices.json) gives id 101",
            "expected id 999 for edge-01, but the inventory (devices.json) gives id 101",
        ], report.Findings.Select(f => f.Message));
        Assert.All(report.Findings, f => Assert.Equal("device-mismatch", f.Rule));
    }

    [Fact]
    public void Without_a_usable_inventory_the_plan_is_not_valid()
    {
        using var tree = FixtureTree.Standard();
        var finding = Assert.Single(Check(tree, "batches/plans/B-2.json", inventory: new PlanInventory(null, "devices.json is missing")).Findings);
        Assert.Equal(("inventory", "devices.json is missing: the device id of plan B-2 cannot be compared with the inventory"), (finding.Rule, finding.Message));
    }

    [Fact]
    public void A_plan_for_a_device_the_inventory_does_not_list_is_not_valid()
    {
        using var tree = FixtureTree.Standard();
        var inventory = new PlanInventory(new Dictionary<string, long> { ["core-02"] = 202 }, null);
        Assert.Equal(["inventory"], Check(tree, "batches/plans/B-2.json", inventory: inventory).Findings.Rules());
    }

    [Fact]
    public void A_plan_and_approval_that_name_different_device_ids_are_a_device_mismatch()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("batches/plans/B-2.json", FixtureTree.Plan("B-2", "APR-2", deviceId: 999));
        var report = Check(tree, "batches/plans/B-2.json", 999);
        Assert.All(report.Findings, f => Assert.Equal("device-mismatch", f.Rule));
        Assert.Contains(report.Findings, f => f.Message == "approval APR-2 is for edge-01 (id 101) but plan B-2 is for edge-01 (id 999)");
    }

    [Fact]
    public void A_plan_whose_approval_is_still_pending_is_refused()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("batches/plans/B-1.json", FixtureTree.Plan("B-1", "APR-1"));
        var finding = Assert.Single(Check(tree, "batches/plans/B-1.json").Findings);
        Assert.Equal("approval-state", finding.Rule);
        Assert.Equal("approval APR-1 is pending, not approved (approvals/pending/approval-APR-1.json)", finding.Message);
    }

    [Fact]
    public void Every_object_without_a_complete_staged_payload_is_named()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("batches/plans/B-2.json", FixtureTree.Plan("B-2", "APR-2", objects: """
            { "kind": "dcim.interface", "action": "update", "lookup": { "name": "eth0" } },
            { "kind": "dcim.interface", "action": "update", "lookup": { "name": "eth1" }, "staged_payload": {} },
            { "kind": "dcim.interface", "action": "update", "lookup": { "name": "eth2" }, "staged_payload": { "mtu": 9000 } }
            """));
        var report = Check(tree, "batches/plans/B-2.json");
        Assert.Equal(["plan B-2: objects[0] (dcim.interface update) has no staged_payload", "plan B-2: objects[1] (dcim.interface update) has an empty staged_payload"],
            report.Findings.Select(f => f.Message));
        Assert.All(report.Findings, f => Assert.Equal("incomplete-payload", f.Rule));
    }

    [Fact]
    public void A_plan_naming_a_missing_approval_or_another_batch_is_refused()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("batches/plans/B-9.json", FixtureTree.Plan("B-9", "APR-404"));
        tree.Write("batches/plans/B-8.json", FixtureTree.Plan("B-8", "APR-2"));
        Assert.Equal(["approval-missing"], Check(tree, "batches/plans/B-9.json").Findings.Rules());
        Assert.Equal(["batch-mismatch"], Check(tree, "batches/plans/B-8.json").Findings.Rules());
    }

    [Theory]
    [InlineData("""{ "schema": "opsconsole/batch-plan@2", "batch_id": "B-2" }""", "unsupported version")]
    [InlineData("""{ "schema": "opsconsole/approval@1" }""", "wrong kind")]
    [InlineData("""{ "schema": "opsconsole/batch-plan@1", """, "not valid JSON")]
    public void A_file_that_is_not_batch_plan_v1_is_a_schema_finding(string text, string expected)
    {
        using var tree = FixtureTree.Standard();
        tree.Write("plan.json", text);
        var finding = Assert.Single(Check(tree, "plan.json").Findings);
        Assert.Equal("schema", finding.Rule);
        Assert.Contains(expected, finding.Message);
    }

    [Fact]
    public async Task An_open_critical_incident_on_the_device_is_a_finding()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("incidents/INC-10.json", FixtureTree.Incident("INC-10", "critical", "open", "edge-01", 101));
        var blockers = new FixedBlockers([.. await StopConditionBlockersTests.FindAsync(tree, "edge-01", 101, "B-2", includeGateOrder: true)]);
        Assert.Equal([ApprovalRules.StopCondition], Check(tree, "batches/plans/B-2.json", blockers: blockers).Findings.Rules());
    }
}

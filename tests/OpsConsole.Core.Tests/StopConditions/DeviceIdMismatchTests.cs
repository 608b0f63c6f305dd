using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.StopConditions;

public sealed class DeviceIdMismatchTests
{
    [Fact]
    public async Task A_device_named_with_two_ids_triggers_condition_6_on_every_artifact_that_names_it()
    {
        using var root = new IndexedArtifactRoot()
            .Write("devices.json", ArtifactJson.Inventory(("edge-01", 101), ("core-02", 202)))
            .Write("compliance/2026-05-02/edge-01.json", ArtifactJson.Report("edge-01", 101))
            .Write("approvals/pending/approval-APR-1.json", ArtifactJson.Approval("APR-1", "edge-01", 909, "B-1"));

        var condition = (await root.EvaluateAsync())[6];

        Assert.Equal(StopStates.Triggered, condition.State);
        Assert.Equal(["approvals/pending/approval-APR-1.json", "compliance/2026-05-02/edge-01.json", "devices.json"],
            condition.Triggers.Select(t => t.Path));
        Assert.All(condition.Triggers, t => Assert.Equal("edge-01", t.Device));
        Assert.Equal("device edge-01 has id 909 here, but other artifacts give id 101 in devices.json (ids seen: 101, 909)",
            condition.Triggers[0].Reason);
        Assert.Equal("device edge-01 has id 101 here, but other artifacts give id 909 in approvals/pending/approval-APR-1.json (ids seen: 101, 909)",
            condition.Triggers[2].Reason);
    }

    [Fact]
    public async Task Artifacts_that_agree_with_the_inventory_leave_condition_6_clear()
    {
        using var root = new IndexedArtifactRoot()
            .Write("devices.json", ArtifactJson.Inventory(("edge-01", 101)))
            .Write("compliance/2026-05-02/edge-01.json", ArtifactJson.Report("edge-01", 101))
            .Write("batches/plans/B-1.json", ArtifactJson.Plan("B-1", "edge-01", 101));

        Assert.Equal(StopStates.Clear, (await root.EvaluateAsync())[6].State);
    }

    [Fact]
    public async Task An_unreadable_approval_leaves_condition_6_unknown()
    {
        using var root = new IndexedArtifactRoot()
            .Write("devices.json", ArtifactJson.Inventory(("edge-01", 101)))
            .Write("approvals/pending/approval-APR-2.json", """{"schema":"opsconsole/approval@1","approval_id":"APR-2",""");

        var condition = (await root.EvaluateAsync())[6];

        Assert.Equal(StopStates.Unknown, condition.State);
        Assert.Equal("approvals/pending/approval-APR-2.json", Assert.Single(condition.UnreadableInputs).Path);
    }
}

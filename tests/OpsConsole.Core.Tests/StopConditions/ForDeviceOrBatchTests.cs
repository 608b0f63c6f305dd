using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.StopConditions;

public sealed class ForDeviceOrBatchTests
{
    private static IndexedArtifactRoot Root() => new IndexedArtifactRoot()
        .Write("devices.json", ArtifactJson.Inventory(("edge-01", 101), ("core-02", 202)))
        .Write("batches/plans/B-1.json", ArtifactJson.Plan("B-1", "edge-01", 101, """[{"kind":"tenant","action":"create","lookup":{"name":"t1"}}]"""))
        .Write("batches/plans/B-2.json", ArtifactJson.Plan("B-2", "core-02", 202));

    [Fact]
    public async Task A_device_with_an_incomplete_plan_has_condition_5_standing_in_the_way()
    {
        using var root = Root();
        await root.EvaluateAsync();

        var found = Assert.Single(root.Evaluator.ForDeviceOrBatch("edge-01", null));

        Assert.Equal(5, found.Number);
        Assert.Equal(StopStates.Triggered, found.State);
        Assert.Equal("batches/plans/B-1.json", Assert.Single(found.Triggers).Path);
        Assert.Equal(5, Assert.Single(root.Evaluator.ForDeviceOrBatch(null, "B-1")).Number);
    }

    [Fact]
    public async Task Another_device_and_batch_are_not_held_by_it()
    {
        using var root = Root();
        await root.EvaluateAsync();

        Assert.Empty(root.Evaluator.ForDeviceOrBatch("core-02", "B-2"));
    }

    [Fact]
    public async Task An_open_critical_incident_stands_in_the_way_of_every_device()
    {
        using var root = Root().Write("incidents/INC-7.json", ArtifactJson.Incident("INC-7", "critical", "open"));
        await root.EvaluateAsync();

        Assert.Equal([4], root.Evaluator.ForDeviceOrBatch("core-02", "B-2").Select(c => c.Number));
    }

    [Fact]
    public async Task An_unreadable_plan_of_the_batch_leaves_its_payload_and_device_id_unknown()
    {
        using var root = Root().Write("batches/plans/B-3.json", "{");
        await root.EvaluateAsync();

        var found = root.Evaluator.ForDeviceOrBatch(null, "B-3");

        Assert.Equal([5, 6], found.Select(c => c.Number));
        Assert.All(found, c => Assert.Equal(StopStates.Unknown, c.State));
        Assert.All(found, c => Assert.Equal("batches/plans/B-3.json", Assert.Single(c.UnreadableInputs).Path));
    }
}

using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Approvals;

/// <summary>What blocks an approval: the one stop-condition evaluation the web timeline shows too.</summary>
public class StopConditionBlockersTests
{
    /// <summary>Indexes the tree into its database (as the CLI does before deciding) and asks the blockers.</summary>
    internal static async Task<IReadOnlyList<ApprovalBlocker>> FindAsync(FixtureTree tree, string device, long id, string batch = "B-1", bool includeGateOrder = false)
    {
        using var store = new ArtifactStore(tree.Root);
        var options = IndexDbContext.OptionsFor(tree.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(tree.DatabasePath)!);
        Func<IndexDbContext> createDb = () => new IndexDbContext(options);
        var state = new IndexState();
        var indexer = new ArtifactIndexer(store, createDb, state);
        indexer.EnsureDatabase();
        await indexer.FullPassAsync();
        return new StopConditionBlockers(new StopConditionEvaluator(createDb, state, store), includeGateOrder)
            .Find(new DeviceRef { Id = id, Name = device }, batch);
    }

    [Fact]
    public async Task An_open_critical_incident_on_the_device_blocks_with_its_id_and_title()
    {
        using var tree = FixtureTree.Standard();
        var blocker = Assert.Single(await FindAsync(tree, "core-02", 202, "B-INC"));
        Assert.Equal("incidents/INC-9.json", blocker.Source);
        Assert.Equal("stop condition 4 (Open critical incident) holds: INC-9 is an open critical incident: link flapping", blocker.Reason);
    }

    [Fact]
    public async Task Resolved_or_non_critical_incidents_and_other_devices_do_not_block()
    {
        using var tree = FixtureTree.Standard(); // edge-01 has a resolved critical and an open high incident; INC-9 is on core-02
        Assert.Empty(await FindAsync(tree, "edge-01", 101));
    }

    [Fact]
    public async Task An_open_critical_incident_naming_no_device_blocks_every_device()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("incidents/INC-ALL.json", """
            { "schema": "opsconsole/incident@1", "incident_id": "INC-ALL", "title": "core network down", "severity": "critical",
              "status": "open", "opened_at": "2026-05-01T07:00:00Z" }
            """);

        var blocker = Assert.Single(await FindAsync(tree, "edge-01", 101));

        Assert.Equal("incidents/INC-ALL.json", blocker.Source);
        Assert.Contains("INC-ALL is an open critical incident", blocker.Reason);
    }

    [Fact]
    public async Task An_incident_file_with_an_upper_case_extension_counts_like_any_other()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("incidents/INC-10.JSON", FixtureTree.Incident("INC-10", "critical", "open", "edge-01", 101));

        var blocker = Assert.Single(await FindAsync(tree, "edge-01", 101));

        Assert.Equal("incidents/INC-10.JSON", blocker.Source);
    }

    [Fact]
    public async Task An_unreadable_incident_file_blocks_because_it_cannot_be_ruled_out()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("incidents/INC-broken.json", "{ \"schema\": \"opsconsole/incident@1\", ");

        var blockers = await FindAsync(tree, "edge-01", 101);

        // It might be the open critical incident (4), and it might name the device with another id (6).
        Assert.All(blockers, b => Assert.Equal("incidents/INC-broken.json", b.Source));
        Assert.Equal(["stop condition 4", "stop condition 6"], blockers.Select(b => b.Reason[..16]));
        Assert.StartsWith("stop condition 4 (Open critical incident) cannot be ruled out: unreadable:", blockers[0].Reason);
    }

    [Fact]
    public async Task An_unreadable_batch_result_blocks_its_own_batch_only()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("batches/plans/B-1.json", FixtureTree.Plan("B-1", "APR-1"));
        tree.Write("batches/results/B-1-run1.json", "{ broken");

        var own = Assert.Single(await FindAsync(tree, "edge-01", 101, "B-1"));
        var other = await FindAsync(tree, "core-02", 202, "B-INC");

        Assert.Equal("batches/results/B-1-run1.json", own.Source);
        Assert.StartsWith("stop condition 3 (Object already exists upstream in a real run) cannot be ruled out", own.Reason);
        Assert.DoesNotContain(other, b => b.Source == "batches/results/B-1-run1.json");
    }

    [Fact]
    public async Task A_missing_inventory_blocks_because_device_ids_cannot_be_compared()
    {
        using var tree = FixtureTree.Standard();
        File.Delete(Path.Combine(tree.Root, "devices.json"));

        var blocker = Assert.Single(await FindAsync(tree, "edge-01", 101));

        Assert.Equal("devices.json", blocker.Source);
        Assert.Contains("stop condition 6 (Device id differs between artifacts) cannot be ruled out: devices.json is missing", blocker.Reason);
    }

    [Fact]
    public async Task A_gate_out_of_order_blocks_only_when_gate_order_is_asked_for()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("operations/C-1/cycle.json", """
            { "schema": "opsconsole/cycle@1", "cycle_id": "C-1", "title": "t", "started_at": "2026-05-01T00:00:00Z", "status": "active",
              "ladder": [ { "gate": "g1", "title": "g1", "stage": "start", "requires": [] },
                          { "gate": "g2", "title": "g2", "stage": "week1", "requires": ["g1"] } ] }
            """);
        tree.Write("operations/C-1/g2.json", """
            { "schema": "opsconsole/gate@1", "cycle_id": "C-1", "gate": "g2", "title": "g2", "status": "passed",
              "generated_at": "2026-05-02T00:00:00Z", "summary": "s", "checks": [], "evidence": [] }
            """);

        Assert.Empty(await FindAsync(tree, "edge-01", 101));
        Assert.Contains(await FindAsync(tree, "edge-01", 101, includeGateOrder: true), b => b.Reason.StartsWith("stop condition 7", StringComparison.Ordinal));
    }
}

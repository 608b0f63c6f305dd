using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Approvals;

public class OpenCriticalIncidentBlockersTests
{
    private static IReadOnlyList<ApprovalBlocker> Find(FixtureTree tree, string device, long id)
    {
        using var store = new ArtifactStore(tree.Root);
        return new OpenCriticalIncidentBlockers(store).Find(new DeviceRef { Id = id, Name = device }, "B-1");
    }

    [Fact]
    public void An_open_critical_incident_on_the_device_blocks_with_its_id_and_title()
    {
        using var tree = FixtureTree.Standard();
        var blocker = Assert.Single(Find(tree, "core-02", 202));
        Assert.Equal("incidents/INC-9.json", blocker.Source);
        Assert.Equal("INC-9 is an open critical incident on core-02 (id 202): link flapping", blocker.Reason);
    }

    [Theory]
    [InlineData("core-02", 999)]
    [InlineData("renamed", 202)]
    public void The_device_is_matched_by_name_or_by_id(string name, long id)
    {
        using var tree = FixtureTree.Standard();
        Assert.Single(Find(tree, name, id));
    }

    [Fact]
    public void Resolved_or_non_critical_incidents_and_other_devices_do_not_block()
    {
        using var tree = FixtureTree.Standard(); // edge-01 has a resolved critical and an open high incident
        Assert.Empty(Find(tree, "edge-01", 101));
    }

    [Fact]
    public void An_unreadable_incident_file_blocks_because_it_cannot_be_ruled_out()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("incidents/INC-broken.json", "{ \"schema\": \"opsconsole/incident@1\", ");
        var blocker = Assert.Single(Find(tree, "edge-01", 101));
        Assert.Equal("incidents/INC-broken.json", blocker.Source);
        Assert.Contains("unreadable", blocker.Reason);
    }

    [Fact]
    public void A_root_without_incidents_has_no_blockers()
    {
        using var tree = FixtureTree.Empty();
        Assert.Empty(Find(tree, "edge-01", 101));
    }
}

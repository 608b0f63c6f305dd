using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

/// <summary><c>opsconsole check</c> never exits 0 on input it could not read.</summary>
public class CheckCommandTests
{
    [Fact]
    public async Task An_open_critical_incident_behind_a_folder_link_inside_the_root_is_seen_and_exits_one()
    {
        using var tree = FixtureTree.Empty();
        tree.Write("devices.json", FixtureTree.Inventory(("core-02", 202)));
        tree.Write("incidents-store/INC-9.json", FixtureTree.Incident("INC-9", "critical", "open", "core-02", 202));
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "incidents"), "incidents-store");

        var run = await CliHost.RunAsync(tree, "check");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[TRIGGERED] 4. Open critical incident", run.Output);
        Assert.Contains("incidents/INC-9.json: INC-9 is an open critical incident", run.Output);
    }

    [Fact]
    public async Task An_empty_root_is_unknown_not_clear_and_exits_one()
    {
        using var tree = FixtureTree.Empty();

        var run = await CliHost.RunAsync(tree, "check");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Result: unknown (0 triggered, 7 unknown, 0 clear)", run.Output);
        Assert.Contains("cannot decide, .: the artifact root holds no files", run.Output);
    }

    [Fact]
    public async Task A_missing_inventory_is_unknown_and_exits_one()
    {
        using var tree = FixtureTree.Empty();
        tree.Write("handoff/notes.md", "# Notes\n");

        var run = await CliHost.RunAsync(tree, "check");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[UNKNOWN]   6. Device id differs between artifacts", run.Output);
        Assert.Contains("cannot decide, devices.json: devices.json is missing", run.Output);
    }

    [Fact]
    public async Task A_root_whose_only_files_are_readable_and_consistent_exits_zero()
    {
        using var tree = FixtureTree.Empty();
        tree.Write("devices.json", FixtureTree.Inventory(("core-02", 202)));
        tree.Write("handoff/notes.md", "# Notes\n");

        var run = await CliHost.RunAsync(tree, "check");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Result: clear (0 triggered, 0 unknown, 7 clear)", run.Output);
    }
}

using Microsoft.Data.Sqlite;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

/// <summary><c>opsconsole audit verify|list</c>, and the trail surviving the loss of the index.</summary>
public class AuditCommandTests
{
    [Fact]
    public async Task Deleting_the_index_folder_keeps_every_audit_event()
    {
        using var tree = FixtureTree.Standard();
        await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "ok");
        await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "ana", "--reason", "again");
        var before = CliHost.AuditEvents(tree).Select(e => (e.Id, e.Hash)).ToList();

        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(tree.DatabasePath)!, recursive: true);
        var rebuild = await CliHost.RunAsync(tree, "index");
        var list = await CliHost.RunAsync(tree, "audit", "list", "--type", "approval.approve");
        var verify = await CliHost.RunAsync(tree, "audit", "verify");

        Assert.Equal(0, rebuild.ExitCode);
        Assert.Equal(before, CliHost.AuditEvents(tree).Take(before.Count).Select(e => (e.Id, e.Hash)));
        Assert.Contains("approval.approve\tcarla\tAPR-1", list.Output, StringComparison.Ordinal);
        Assert.Contains("approval.approve\tana\tAPR-1", list.Output, StringComparison.Ordinal);
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith($"audit chain intact: {before.Count + 1} events", verify.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("changed", "audit chain broken at event 2: its content does not match its hash")]
    [InlineData("deleted", "audit chain broken at event 3: events 2..2 are missing")]
    [InlineData("reordered", "audit chain broken at event 1: its content does not match its hash")]
    public async Task Audit_verify_exits_1_and_names_the_first_tampered_event(string tampering, string expected)
    {
        using var tree = FixtureTree.Standard();
        await CliHost.RunAsync(tree, "index");
        await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "ana", "--reason", "mine");
        await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "ok");
        Assert.Equal(0, (await CliHost.RunAsync(tree, "audit", "verify")).ExitCode);

        switch (tampering)
        {
            case "changed":
                AuditTamper.Execute(tree.AuditPath, "UPDATE audit_events SET Outcome = 'ok' WHERE Id = 2;");
                break;
            case "deleted":
                AuditTamper.Delete(tree.AuditPath, 2);
                break;
            default:
                AuditTamper.Swap(tree.AuditPath, 1, 3);
                break;
        }

        var verify = await CliHost.RunAsync(tree, "audit", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.StartsWith(expected, verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_without_a_store_is_an_error_not_an_empty_success()
    {
        using var tree = FixtureTree.Standard();

        var verify = await CliHost.RunAsync(tree, "audit", "verify");

        Assert.Equal(2, verify.ExitCode);
        Assert.Contains("no audit store at", verify.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(tree.AuditPath));
    }

    [Fact]
    public async Task Processes_appending_at_the_same_time_keep_one_valid_chain()
    {
        using var tree = FixtureTree.Standard();
        await CliHost.RunAsync(tree, "index");

        var processes = Enumerable.Range(0, 3).Select(_ => CliHost.Start(tree, "check")).ToList();
        var runs = await Task.WhenAll(processes.Select(CliHost.FinishAsync));

        Assert.All(runs, r => Assert.Equal(1, r.ExitCode)); // the standard tree has an open critical incident
        var events = CliHost.AuditEvents(tree);
        Assert.Equal(3, events.Count(e => e.Type == "check"));
        Assert.Equal(events.Count, events.Select(e => e.PreviousHash).Distinct().Count());
        var verify = await CliHost.RunAsync(tree, "audit", "verify");
        Assert.Equal(0, verify.ExitCode);
    }
}

using System.Text.Json.Nodes;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

/// <summary>The operating-system user running the CLI is recorded next to --actor and may not approve their own request.</summary>
public class ApprovalOsUserTests
{
    [Fact]
    public async Task The_history_entry_and_the_audit_event_record_the_operating_system_user_next_to_the_actor()
    {
        using var tree = FixtureTree.Standard();

        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "diff reviewed");

        Assert.Equal(0, run.ExitCode);
        var last = JsonNode.Parse(tree.Read("approvals/approved/approval-APR-1.json"))!["history"]!.AsArray()[^1]!;
        Assert.Equal(("carla", Environment.UserName), ((string?)last["actor"], (string?)last["os_user"]));
        var audit = CliHost.AuditEvents(tree).Last();
        Assert.Equal("carla", audit.Actor);
        Assert.Contains("os user " + Environment.UserName, audit.Detail);
    }

    [Fact]
    public async Task A_requester_cannot_approve_their_own_request_by_naming_someone_else_as_actor()
    {
        using var tree = FixtureTree.Standard();
        tree.WriteApproval(FixtureTree.Approval("APR-OS", "pending", requestedBy: Environment.UserName));
        var before = tree.Snapshot();

        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-OS", "--actor", "carla", "--reason", "looks fine");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"[self-approval] the operating-system user {Environment.UserName} requested APR-OS and cannot approve it", run.Error);
        Assert.Equal(before, tree.Snapshot());
        var audit = CliHost.AuditEvents(tree).Last();
        Assert.Equal(("carla", "refused"), (audit.Actor, audit.Outcome));
        Assert.Contains("self-approval", audit.Detail);
    }

    [Fact]
    public async Task The_requester_may_still_reject_their_own_request()
    {
        using var tree = FixtureTree.Standard();
        tree.WriteApproval(FixtureTree.Approval("APR-OS", "pending", requestedBy: Environment.UserName));

        var run = await CliHost.RunAsync(tree, "approval", "reject", "APR-OS", "--actor", "carla", "--reason", "withdrawn");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["approvals/rejected/approval-APR-OS.json"], tree.CopiesOf("APR-OS"));
    }
}

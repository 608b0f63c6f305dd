using System.Text.Json.Nodes;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

public class ApprovalDecisionCommandTests
{
    [Fact]
    public async Task Approve_moves_the_file_appends_history_writes_an_audit_row_and_updates_the_index()
    {
        using var tree = FixtureTree.Standard();
        await CliHost.RunAsync(tree, "index");

        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "diff reviewed");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("APR-1: pending → approved by carla (approvals/approved/approval-APR-1.json)", run.Output.Trim());
        Assert.Equal(["approvals/approved/approval-APR-1.json"], tree.CopiesOf("APR-1"));
        var last = JsonNode.Parse(tree.Read("approvals/approved/approval-APR-1.json"))!["history"]!.AsArray()[^1]!;
        Assert.Equal(("pending", "approved", "carla", "diff reviewed"), ((string?)last["from"], (string?)last["to"], (string?)last["actor"], (string?)last["reason"]));

        var audit = CliHost.AuditEvents(tree).Last();
        Assert.Equal(("approval.approve", "carla", "APR-1", "ok"), (audit.Type, audit.Actor, audit.Target, audit.Outcome));
        Assert.StartsWith("cli@", audit.Source);
        Assert.DoesNotContain("diff reviewed", audit.Detail);

        var indexed = CliHost.IndexedApprovals(tree);
        Assert.Contains("approvals/approved/approval-APR-1.json", indexed);
        Assert.DoesNotContain("approvals/pending/approval-APR-1.json", indexed);
    }

    [Fact]
    public async Task Refused_self_approval_leaves_every_file_byte_identical_and_exits_non_zero()
    {
        using var tree = FixtureTree.Standard();
        var before = tree.Snapshot();

        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "ana", "--reason", "mine");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused: approve APR-1", run.Error);
        Assert.Contains("[self-approval] ana requested APR-1 and cannot approve it", run.Error);
        Assert.Equal(before, tree.Snapshot());
        var audit = CliHost.AuditEvents(tree).Last();
        Assert.Equal(("approval.approve", "ana", "APR-1", "refused"), (audit.Type, audit.Actor, audit.Target, audit.Outcome));
        Assert.Contains("self-approval", audit.Detail);
    }

    [Fact]
    public async Task Approve_is_refused_while_an_open_critical_incident_names_the_device()
    {
        using var tree = FixtureTree.Standard();
        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-INC", "--actor", "carla", "--reason", "ok");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[stop-condition] stop condition 4 (Open critical incident) holds: INC-9 is an open critical incident: link flapping (incidents/INC-9.json)", run.Error);
        Assert.Equal(["approvals/pending/approval-APR-INC.json"], tree.CopiesOf("APR-INC"));
    }

    [Fact]
    public async Task Approve_is_refused_once_the_record_has_expired_and_expire_then_works()
    {
        using var tree = FixtureTree.Standard();
        var approve = await CliHost.RunAsync(tree, "approval", "approve", "APR-OLD", "--actor", "carla", "--reason", "late");
        var expire = await CliHost.RunAsync(tree, "approval", "expire", "APR-OLD", "--actor", "carla", "--reason", "past its window");

        Assert.Equal(1, approve.ExitCode);
        Assert.Contains("[decided-after-expiry] APR-OLD expired at 2020-01-01T00:00:00Z", approve.Error);
        Assert.Equal(0, expire.ExitCode);
        Assert.Equal(["approvals/expired/approval-APR-OLD.json"], tree.CopiesOf("APR-OLD"));
    }

    [Theory]
    [InlineData("submit", "APR-P", "approvals/pending/approval-APR-P.json")]
    [InlineData("reject", "APR-1", "approvals/rejected/approval-APR-1.json")]
    [InlineData("expire", "APR-2", "approvals/expired/approval-APR-2.json")]
    [InlineData("mark-applied", "APR-2", "approvals/applied/approval-APR-2.json")]
    public async Task Each_decision_moves_the_record_to_its_target_folder(string action, string id, string target)
    {
        using var tree = FixtureTree.Standard();
        var run = await CliHost.RunAsync(tree, "approval", action, id, "--actor", "carla", "--reason", "done");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([target], tree.CopiesOf(id));
        Assert.Equal($"approval.{action}", CliHost.AuditEvents(tree).Last().Type);
    }

    [Theory]
    [InlineData("approve", "APR-2", "APR-2 is approved; approve needs pending")]
    [InlineData("submit", "APR-3", "APR-3 is rejected; submit needs proposed")]
    [InlineData("mark-applied", "APR-1", "APR-1 is pending; mark-applied needs approved")]
    [InlineData("expire", "APR-4", "APR-4 is applied; expire needs pending or approved")]
    public async Task An_illegal_transition_is_refused_with_the_current_state(string action, string id, string message)
    {
        using var tree = FixtureTree.Standard();
        var before = tree.Snapshot();
        var run = await CliHost.RunAsync(tree, "approval", action, id, "--actor", "carla", "--reason", "x");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"[illegal-transition] {message}", run.Error);
        Assert.Equal(before, tree.Snapshot());
    }

    [Fact]
    public async Task An_unknown_id_is_refused_as_not_found()
    {
        using var tree = FixtureTree.Standard();
        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-404", "--actor", "carla", "--reason", "x");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[not-found] no approval APR-404", run.Error);
    }

    [Fact]
    public async Task Missing_actor_is_a_usage_error_that_changes_nothing()
    {
        using var tree = FixtureTree.Standard();
        var before = tree.Snapshot();
        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--reason", "x");
        Assert.Equal(CliRunner.Error, run.ExitCode);
        Assert.Contains("Option '--actor' is required.", run.Error);
        Assert.Equal(before, tree.Snapshot());
    }
}

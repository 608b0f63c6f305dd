using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

public class ApprovalReadCommandTests
{
    [Fact]
    public async Task List_shows_every_approval_with_its_state_and_findings()
    {
        using var tree = FixtureTree.Standard();
        tree.WriteApproval(FixtureTree.Approval("APR-BAD", "approved", stateField: "pending", history: FixtureTree.Chain("pending")));

        var run = await CliHost.RunAsync(tree, "approval", "list");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID ", lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("APR-1 ", StringComparison.Ordinal) && l.Contains("pending") && l.Contains("edge-01 (101)") && l.EndsWith(" -", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("APR-BAD ", StringComparison.Ordinal) && l.EndsWith("folder-state", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_with_a_state_shows_only_that_folder()
    {
        using var tree = FixtureTree.Standard();
        var run = await CliHost.RunAsync(tree, "approval", "list", "--state", "pending");

        var ids = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(' ')[0]);
        Assert.Equal(["APR-1", "APR-INC", "APR-OLD"], ids);
    }

    [Fact]
    public async Task List_rejects_a_state_that_does_not_exist()
    {
        using var tree = FixtureTree.Standard();
        var run = await CliHost.RunAsync(tree, "approval", "list", "--state", "done");
        Assert.Equal(CliRunner.Error, run.ExitCode);
        Assert.Contains("done", run.Error);
    }

    [Fact]
    public async Task Show_prints_history_and_findings_and_says_what_it_cannot_check()
    {
        using var tree = FixtureTree.Standard();
        tree.WriteApproval(FixtureTree.Approval("APR-SELF", "approved", history: string.Join(",", FixtureTree.Chain("pending"),
            FixtureTree.Entry("2026-05-03T09:00:00Z", "pending", "approved", "ana"))));

        var run = await CliHost.RunAsync(tree, "approval", "show", "APR-SELF");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2026-05-03T09:00:00Z  pending → approved  by ana", run.Output);
        Assert.Contains("[self-approval] APR-SELF was approved by its requester ana", run.Output);
        Assert.Contains("not checked:   whether a stop condition held at the time of past decisions", run.Output);
    }

    [Fact]
    public async Task Show_of_an_unknown_id_exits_non_zero()
    {
        using var tree = FixtureTree.Standard();
        var run = await CliHost.RunAsync(tree, "approval", "show", "APR-404");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no approval APR-404", run.Error);
    }

    [Fact]
    public async Task Any_approval_command_first_repairs_a_duplicate_left_by_a_crash_and_reports_it()
    {
        using var tree = FixtureTree.Standard();
        tree.WriteApproval(FixtureTree.Approval("APR-1", "approved", history: string.Join(",", FixtureTree.Chain("pending"),
            FixtureTree.Entry("2026-05-03T09:00:00Z", "pending", "approved", "carla"))));

        var run = await CliHost.RunAsync(tree, "approval", "list", "--state", "proposed");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("repaired: APR-1 was in 2 state folders (an interrupted move); kept approvals/approved/approval-APR-1.json", run.Error);
        Assert.Equal(["approvals/approved/approval-APR-1.json"], tree.CopiesOf("APR-1"));
        Assert.Equal(("approval.repair", "ok"), (CliHost.AuditEvents(tree).Last().Type, CliHost.AuditEvents(tree).Last().Outcome));
    }
}

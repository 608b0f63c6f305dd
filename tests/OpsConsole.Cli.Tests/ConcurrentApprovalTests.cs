using System.Text.Json.Nodes;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.Storage;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

/// <summary>Two real opsconsole processes deciding the same approval at the same time.</summary>
public class ConcurrentApprovalTests
{
    [Fact]
    public async Task Two_processes_approving_the_same_id_leave_one_winner_and_one_clean_refusal()
    {
        using var tree = FixtureTree.Standard();

        var first = CliHost.Start(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "first");
        var second = CliHost.Start(tree, "approval", "approve", "APR-1", "--actor", "dario", "--reason", "second");
        var runs = await Task.WhenAll(CliHost.FinishAsync(first), CliHost.FinishAsync(second));

        AssertOneWinner(tree, runs);
    }

    [Fact]
    public async Task Two_processes_released_together_from_a_held_lock_still_leave_one_winner()
    {
        using var tree = FixtureTree.Standard();
        CliRun[] runs;
        using (var store = new ArtifactStore(tree.Root))
        {
            // Both processes pass the unlocked first look and queue on the lock; releasing it makes
            // them race for it, so the loser must re-read under the lock and refuse.
            var held = ApprovalLock.TryAcquire(store, "APR-1", TimeSpan.Zero)!;
            var first = CliHost.Start(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", "first");
            var second = CliHost.Start(tree, "approval", "approve", "APR-1", "--actor", "dario", "--reason", "second");
            var finishing = Task.WhenAll(CliHost.FinishAsync(first), CliHost.FinishAsync(second));
            await Task.WhenAny(finishing, Task.Delay(TimeSpan.FromSeconds(4)));
            held.Dispose();
            runs = await finishing;
        }

        AssertOneWinner(tree, runs);
    }

    private static void AssertOneWinner(FixtureTree tree, CliRun[] runs)
    {
        var winner = Assert.Single(runs, r => r.ExitCode == 0);
        var loser = Assert.Single(runs, r => r.ExitCode != 0);
        Assert.True(loser.ExitCode == 1, $"exit {loser.ExitCode}: {loser.Error}");
        Assert.StartsWith("refused: approve APR-1", loser.Error);
        Assert.True(loser.Error.Contains("[illegal-transition] APR-1 is approved; approve needs pending", StringComparison.Ordinal)
            || loser.Error.Contains("[locked] another process is deciding APR-1", StringComparison.Ordinal), loser.Error);
        Assert.DoesNotContain(" at OpsConsole", loser.Error);
        Assert.Contains("pending → approved", winner.Output);

        Assert.Equal(["approvals/approved/approval-APR-1.json"], tree.CopiesOf("APR-1"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(tree.Root, "approvals"), "*APR-1*.tmp", SearchOption.AllDirectories));
        var history = JsonNode.Parse(tree.Read("approvals/approved/approval-APR-1.json"))!["history"]!.AsArray();
        Assert.Equal(3, history.Count); // one decision appended, not two

        var audit = CliHost.AuditEvents(tree).Where(e => e.Type == "approval.approve").Select(e => e.Outcome).Order().ToList();
        Assert.Equal(["ok", "refused"], audit);
    }
}

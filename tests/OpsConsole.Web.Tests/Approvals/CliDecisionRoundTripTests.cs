
using Microsoft.Data.Sqlite;
using OpsConsole.Cli;

namespace OpsConsole.Web.Tests.Approvals;

/// <summary>Decide in the CLI, see it in the browser: the console never decides, but shows every decision on the next refresh.</summary>
public sealed class CliDecisionRoundTripTests : IDisposable
{
    private readonly ApprovalsFactory _factory = new();
    private readonly string _cliDatabase = Path.Combine(Path.GetTempPath(), "opsconsole-tests", Guid.NewGuid().ToString("N"), "cli.db");

    [Fact]
    public async Task An_approval_decided_in_the_cli_appears_in_the_queue_and_timeline_without_a_manual_reindex()
    {
        var client = await _factory.CreateReadyClientAsync();
        Assert.Contains("APR-2026-0202", Html.QueueIds(await client.GetStringAsync("/approval-queue?state=pending")));

        var list = await RunCliAsync("approval", "list", "--state", "pending");
        var approve = await RunCliAsync("approval", "approve", "APR-2026-0202", "--actor", "carlos.lima", "--reason", "diff reviewed in the console");

        Assert.Equal(0, list.Exit);
        Assert.Contains("APR-2026-0202", list.Output);
        Assert.Equal(0, approve.Exit);
        Assert.Contains("APR-2026-0202: pending → approved by carlos.lima", approve.Output);

        // The web app's file watcher re-indexes the moved file; poll the page (bounded) until it shows the decision.
        var timeline = "";
        for (var i = 0; i < 50 && !timeline.Contains("diff reviewed in the console", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            timeline = await client.GetStringAsync("/approval-timeline/APR-2026-0202");
        }

        Assert.Contains("diff reviewed in the console", timeline);
        Assert.Contains("by carlos.lima", timeline);
        Assert.Contains("approvals/approved/approval-APR-2026-0202.json", timeline);
        Assert.Contains("This record is Approved", timeline);
        Assert.Contains("APR-2026-0202", Html.QueueIds(await client.GetStringAsync("/approval-queue?state=approved")));
        Assert.DoesNotContain("APR-2026-0202", Html.QueueIds(await client.GetStringAsync("/approval-queue?state=pending")));
    }

    [Fact]
    public async Task A_self_approval_refused_by_the_cli_leaves_the_queue_unchanged()
    {
        var client = await _factory.CreateReadyClientAsync();

        var run = await RunCliAsync("approval", "approve", "APR-2026-0202", "--actor", "ana.souza", "--reason", "mine");
        await _factory.ReindexAsync();

        Assert.Equal(1, run.Exit);
        Assert.Contains("[self-approval]", run.Error);
        Assert.Contains("APR-2026-0202", Html.QueueIds(await client.GetStringAsync("/approval-queue?state=pending")));
    }

    public void Dispose()
    {
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_cliDatabase)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<(int Exit, string Output, string Error)> RunCliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliRunner.RunAsync(CliApp.BuildRoot(), [.. args, "--root", _factory.Root, "--db", _cliDatabase], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}

using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

/// <summary>Approval decisions refuse whatever the web console shows as blocking (one evaluation for both).</summary>
public class ApprovalSafetyTests
{
    private static Task<CliRun> Approve(FixtureTree tree, string id = "APR-1") =>
        CliHost.RunAsync(tree, "approval", "approve", id, "--actor", "carla", "--reason", "diff reviewed");

    [Fact]
    public async Task An_open_critical_incident_naming_no_device_blocks_every_approval()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("incidents/INC-ALL.json", """
            { "schema": "opsconsole/incident@1", "incident_id": "INC-ALL", "title": "core network down", "severity": "critical",
              "status": "open", "opened_at": "2026-05-01T07:00:00Z" }
            """);
        var before = tree.Snapshot();

        var run = await Approve(tree);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[stop-condition] stop condition 4 (Open critical incident) holds: INC-ALL is an open critical incident: core network down (incidents/INC-ALL.json)", run.Error);
        Assert.Equal(before, tree.Snapshot());
    }

    [Fact]
    public async Task A_mitigated_device_less_incident_no_longer_blocks()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("incidents/INC-ALL.json", """
            { "schema": "opsconsole/incident@1", "incident_id": "INC-ALL", "title": "core network down", "severity": "critical",
              "status": "mitigated", "opened_at": "2026-05-01T07:00:00Z" }
            """);

        var run = await Approve(tree);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task An_incident_file_with_an_upper_case_extension_blocks_like_the_web_counts_it()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("incidents/INC-10.JSON", FixtureTree.Incident("INC-10", "critical", "open", "edge-01", 101));

        var run = await Approve(tree);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("INC-10 is an open critical incident", run.Error);
        Assert.Contains("(incidents/INC-10.JSON)", run.Error);
    }

    [Fact]
    public async Task An_unreadable_batch_result_blocks_the_approval_of_its_batch()
    {
        using var tree = FixtureTree.Standard();
        tree.Write("batches/plans/B-1.json", FixtureTree.Plan("B-1", "APR-1"));
        tree.Write("batches/results/B-1-run1.json", "{ broken");

        var run = await Approve(tree);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("stop condition 3 (Object already exists upstream in a real run) cannot be ruled out: unreadable:", run.Error);
        Assert.Contains("(batches/results/B-1-run1.json)", run.Error);
    }

    [Fact]
    public async Task A_device_id_mismatch_seen_in_many_files_is_one_grouped_line_with_the_count_and_the_files()
    {
        using var tree = FixtureTree.Standard();
        for (var day = 1; day <= 16; day++)
        {
            tree.Write($"compliance/2026-05-{day:00}/edge-01.json", $$"""
                { "schema": "opsconsole/compliance-report@1", "report_id": "CR-{{day}}", "device": { "id": 999, "name": "edge-01" },
                  "generated_at": "2026-05-{{day:00}}T06:00:00Z", "source": "nightly", "status": "compliant", "divergences": [], "incidents": [],
                  "summary": { "checks": 1, "passed": 1, "failed": 0 } }
                """);
        }

        var run = await Approve(tree);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var grouped = Assert.Single(lines, l => l.Contains("stop condition 6"));
        Assert.Contains("holds: device edge-01 has 2 different ids across artifacts (ids seen: 101, 999) (", grouped);
        Assert.Contains(" files: ", grouped);
        Assert.Contains("compliance/2026-05-16/edge-01.json", grouped);
        Assert.True(lines.Length < 6, run.Error);
    }

    [Fact]
    public async Task A_record_that_skipped_the_workflow_shows_a_finding_and_cannot_move_on()
    {
        using var tree = FixtureTree.Standard();
        tree.WriteApproval(FixtureTree.Approval("APR-SKIP", "approved", batch: "B-2",
            history: FixtureTree.Entry("2026-05-01T09:00:00Z", null, "approved", "bruno")));

        var show = await CliHost.RunAsync(tree, "approval", "show", "APR-SKIP");
        var apply = await CliHost.RunAsync(tree, "approval", "mark-applied", "APR-SKIP", "--actor", "carla", "--reason", "applied");

        Assert.DoesNotContain("findings:      none", show.Output);
        Assert.Contains("[illegal-transition] APR-SKIP: history[0] moves null → approved", show.Output);
        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("[illegal-transition]", apply.Error);
    }
}

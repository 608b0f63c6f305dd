using System.Text.Json.Nodes;
using OpsConsole.Core.Index;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests.Review;

/// <summary><c>opsconsole compliance review DATE --actor NAME [--note TEXT] [--force]</c>.</summary>
public sealed class ComplianceReviewCommandTests
{
    private const string Token = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>The standard tree with a run on 2026-05-02: edge-01 divergent, core-02 compliant, one unreadable report.</summary>
    private static FixtureTree TreeWithRun()
    {
        var tree = FixtureTree.Standard();
        tree.Write("compliance/2026-05-02/edge-01.json", Report("edge-01", 101, "divergent",
            """[ { "field": "mtu", "expected": "9000", "actual": "1500", "severity": "medium" } ]""", passed: 2, failed: 1));
        tree.Write("compliance/2026-05-02/core-02.json", Report("core-02", 202, "compliant", "[]", passed: 3, failed: 0));
        tree.Write("compliance/2026-05-02/broken-03.json", "{ not json");
        return tree;
    }

    private static string Report(string device, long id, string status, string divergences, int passed, int failed) => $$"""
        { "schema": "opsconsole/compliance-report@1", "report_id": "CR-{{device}}", "device": { "id": {{id}}, "name": "{{device}}" },
          "generated_at": "2026-05-02T06:00:00Z", "source": "nightly", "status": "{{status}}",
          "divergences": {{divergences}}, "incidents": [], "summary": { "checks": 3, "passed": {{passed}}, "failed": {{failed}} } }
        """;

    [Fact]
    public async Task Review_writes_the_mark_beside_the_run_with_what_the_run_held_and_audits_it()
    {
        using var tree = TreeWithRun();

        var run = await CliHost.RunAsync(tree, "compliance", "review", "2026-05-02", "--actor", "ana.souza", "--note", "mtu followed up");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("2026-05-02: reviewed by ana.souza at ", run.Output);
        Assert.Contains("(3 reports, 1 divergent, 1 unreadable) (compliance/2026-05-02.review.json); note: mtu followed up", run.Output);
        var mark = JsonNode.Parse(tree.Read("compliance/2026-05-02.review.json"))!;
        Assert.Equal("opsconsole/compliance-review@1", (string?)mark["schema"]);
        Assert.Equal(("2026-05-02", "ana.souza", "mtu followed up"), ((string?)mark["date"], (string?)mark["reviewed_by"], (string?)mark["note"]));
        Assert.Equal((3, 1, 1), ((int)mark["reports"]!, (int)mark["divergent"]!, (int)mark["unreadable"]!));
        Assert.True(DateTimeOffset.TryParse((string?)mark["reviewed_at"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));

        var audit = CliHost.AuditEvents(tree).Last();
        Assert.Equal(("compliance.review", "ana.souza", "2026-05-02", "ok"), (audit.Type, audit.Actor, audit.Target, audit.Outcome));
        Assert.Contains("reports 3, divergent 1, unreadable 1", audit.Detail);
    }

    [Fact]
    public async Task The_mark_is_written_atomically_and_indexed_as_a_review()
    {
        using var tree = TreeWithRun();

        await CliHost.RunAsync(tree, "compliance", "review", "2026-05-02", "--actor", "ana.souza");

        // Only the mark itself appears beside the day folder: no temp file is left behind.
        Assert.Equal(["2026-05-02", "2026-05-02.review.json"],
            Directory.EnumerateFileSystemEntries(Path.Combine(tree.Root, "compliance")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
        using var db = new IndexDbContext(IndexDbContext.OptionsFor(tree.DatabasePath));
        var row = Assert.Single(db.Artifacts.Where(a => a.Kind == "ComplianceReview"));
        Assert.Equal(("compliance/2026-05-02.review.json", true, "2026-05-02", "ana.souza"), (row.Path, row.Readable, row.Key, row.Actor));
    }

    [Fact]
    public async Task A_day_without_a_run_is_refused_and_audited()
    {
        using var tree = TreeWithRun();
        var before = tree.Snapshot();

        var run = await CliHost.RunAsync(tree, "compliance", "review", "2026-05-03", "--actor", "ana.souza");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused: compliance review 2026-05-03", run.Error);
        Assert.Contains("no compliance run on 2026-05-03", run.Error);
        Assert.Equal(before.Keys.Order(), tree.Snapshot().Keys.Order());
        var audit = CliHost.AuditEvents(tree).Last();
        Assert.Equal(("compliance.review", "2026-05-03", "refused"), (audit.Type, audit.Target, audit.Outcome));
    }

    [Fact]
    public async Task A_note_holding_a_secret_is_refused_and_never_printed_stored_or_audited()
    {
        using var tree = TreeWithRun();

        var run = await CliHost.RunAsync(tree, "compliance", "review", "2026-05-02", "--actor", "ana.souza", "--note", $"NETBOX_WRITE_TOKEN={Token}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--note looks like it contains a secret", run.Error);
        Assert.False(tree.Exists("compliance/2026-05-02.review.json"));
        Assert.DoesNotContain(Token, run.Output + run.Error);
        Assert.DoesNotContain(Token[..12], run.Output + run.Error);
        var audit = CliHost.AuditEvents(tree).Last();
        Assert.Equal(("compliance.review", "refused"), (audit.Type, audit.Outcome));
        Assert.DoesNotContain(Token[..12], audit.Detail);
    }

    [Fact]
    public async Task A_second_review_of_the_same_day_is_refused_unless_forced_and_both_stay_in_the_audit_trail()
    {
        using var tree = TreeWithRun();
        await CliHost.RunAsync(tree, "compliance", "review", "2026-05-02", "--actor", "ana.souza");

        var again = await CliHost.RunAsync(tree, "compliance", "review", "2026-05-02", "--actor", "bruno.reis");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("2026-05-02 was already reviewed by ana.souza", again.Error);
        Assert.Equal("ana.souza", (string?)JsonNode.Parse(tree.Read("compliance/2026-05-02.review.json"))!["reviewed_by"]);

        var forced = await CliHost.RunAsync(tree, "compliance", "review", "2026-05-02", "--actor", "bruno.reis", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("replaced the review by ana.souza", forced.Output);
        Assert.Equal("bruno.reis", (string?)JsonNode.Parse(tree.Read("compliance/2026-05-02.review.json"))!["reviewed_by"]);
        var reviews = CliHost.AuditEvents(tree).Where(e => e.Type == "compliance.review").Select(e => (e.Actor, e.Outcome)).ToList();
        Assert.Equal([("ana.souza", "ok"), ("bruno.reis", "refused"), ("bruno.reis", "ok")], reviews);
    }

    [Fact]
    public async Task A_date_that_is_not_a_day_is_refused()
    {
        using var tree = TreeWithRun();

        var run = await CliHost.RunAsync(tree, "compliance", "review", "../2026-05-02", "--actor", "ana.souza");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not a day (yyyy-MM-dd)", run.Error);
    }
}

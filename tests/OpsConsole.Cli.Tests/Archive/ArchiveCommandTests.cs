using OpsConsole.Core.Tests.Archive;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests.Archive;

/// <summary><c>opsconsole compliance archive</c>, <c>approval archive</c> and <c>archive list|verify|restore</c>.</summary>
public sealed class ArchiveCommandTests : IDisposable
{
    private readonly FixtureTree _tree = ArchiveTree.ThreeDays();

    [Fact]
    public async Task Archive_and_restore_from_the_command_line_give_back_the_same_bytes_and_are_audited()
    {
        var before = _tree.Originals();

        var archive = await CliHost.RunAsync(_tree, "compliance", "archive", "--before", "2026-02-01");
        var list = await CliHost.RunAsync(_tree, "archive", "list");
        Assert.Equal(0, archive.ExitCode);
        Assert.Contains("moved 6 file(s); recovered 0; left in place 0", archive.Output, StringComparison.Ordinal);
        Assert.Contains("3 bundle(s); 6 archived report(s) over 3 day(s)", list.Output, StringComparison.Ordinal);
        Assert.False(_tree.Exists("compliance/2026-01-02/edge-01.json"));

        foreach (var id in new[] { "compliance-2026-01-01", "archive/compliance/2026-01-02.zip", "compliance-2026-01-03" })
        {
            Assert.Equal(0, (await CliHost.RunAsync(_tree, "archive", "restore", id)).ExitCode);
        }

        Assert.Equal(before, _tree.Originals());
        var events = CliHost.AuditEvents(_tree).Where(e => e.Type.StartsWith("archive.", StringComparison.Ordinal)).Select(e => (e.Type, e.Outcome)).ToList();
        Assert.Equal([("archive.compliance", "ok"), ("archive.restore", "ok"), ("archive.restore", "ok"), ("archive.restore", "ok")], events);
    }

    [Fact]
    public async Task A_dry_run_prints_what_would_move_and_changes_nothing()
    {
        var before = _tree.Snapshot();

        var run = await CliHost.RunAsync(_tree, "compliance", "archive", "--before", "2026-01-02", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("compliance 2026-01-01: would move 2 file(s) into archive/compliance/2026-01-01.zip", run.Output, StringComparison.Ordinal);
        Assert.Contains("  compliance/2026-01-01/edge-01.json", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, _tree.Snapshot());
        Assert.DoesNotContain(CliHost.AuditEvents(_tree), e => e.Type.StartsWith("archive.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Archiving_is_refused_while_a_stop_condition_names_a_report_it_would_move()
    {
        // Stop condition 2: compliant while listing a divergence.
        _tree.Write("compliance/2026-01-02/core-02.json", ArchiveTree.Report("core-02", "2026-01-02", deviceId: 202).Replace("\"divergences\": [],", "\"divergences\": [{ \"field\": \"tenant\", \"expected\": \"a\", \"actual\": \"b\", \"severity\": \"low\" }],", StringComparison.Ordinal));
        var before = _tree.Snapshot();

        var run = await CliHost.RunAsync(_tree, "compliance", "archive", "--before", "2026-02-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused: archive compliance", run.Error, StringComparison.Ordinal);
        Assert.Contains("stop condition 2", run.Error, StringComparison.Ordinal);
        Assert.Contains("compliance/2026-01-02/core-02.json", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, _tree.Snapshot());
        Assert.Contains(CliHost.AuditEvents(_tree), e => (e.Type, e.Outcome) == ("archive.compliance", "refused"));
    }

    [Fact]
    public async Task Archiving_is_refused_while_an_unreadable_report_among_the_files_leaves_a_condition_unknown()
    {
        _tree.Write("compliance/2026-01-03/edge-01.json", "{ not json");

        var run = await CliHost.RunAsync(_tree, "compliance", "archive", "--before", "2026-02-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot be ruled out: compliance/2026-01-03/edge-01.json", run.Error, StringComparison.Ordinal);
        Assert.True(_tree.Exists("compliance/2026-01-01/edge-01.json"));
    }

    [Fact]
    public async Task Archiving_runs_outside_the_files_named_by_a_stop_condition_goes_ahead()
    {
        _tree.Write("compliance/2026-02-01/core-02.json", "{ not json");

        var run = await CliHost.RunAsync(_tree, "compliance", "archive", "--before", "2026-02-01");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Verify_passes_intact_bundles_and_fails_a_truncated_one()
    {
        await _tree.RunOkAsync("compliance", "archive", "--before", "2026-02-01");
        Assert.Equal(0, (await CliHost.RunAsync(_tree, "archive", "verify")).ExitCode);
        var bundle = Path.Combine(_tree.Root, "archive/compliance/2026-01-02.zip");
        var bytes = await File.ReadAllBytesAsync(bundle);
        await File.WriteAllBytesAsync(bundle, bytes[..(bytes.Length - 40)]);

        var all = await CliHost.RunAsync(_tree, "archive", "verify");
        var one = await CliHost.RunAsync(_tree, "archive", "verify", "compliance-2026-01-02");
        var good = await CliHost.RunAsync(_tree, "archive", "verify", "compliance-2026-01-01");

        Assert.Equal(1, all.ExitCode);
        Assert.Contains("archive/compliance/2026-01-02.zip: unreadable: checksum mismatch", all.Output, StringComparison.Ordinal);
        Assert.Contains("3 bundle(s) checked, 1 bad", all.Output, StringComparison.Ordinal);
        Assert.Equal(1, one.ExitCode);
        Assert.Equal(0, good.ExitCode);
    }

    [Fact]
    public async Task Restore_of_a_damaged_bundle_is_refused_and_writes_nothing()
    {
        await _tree.RunOkAsync("compliance", "archive", "--before", "2026-01-02");
        await File.WriteAllTextAsync(Path.Combine(_tree.Root, "archive/compliance/2026-01-01.zip.sha256"), new string('a', 64));

        var run = await CliHost.RunAsync(_tree, "archive", "restore", "compliance-2026-01-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unreadable: checksum mismatch", run.Error, StringComparison.Ordinal);
        Assert.False(_tree.Exists("compliance/2026-01-01/edge-01.json"));
        Assert.Contains(CliHost.AuditEvents(_tree), e => (e.Type, e.Outcome) == ("archive.restore", "refused"));
    }

    [Fact]
    public async Task Decided_approvals_older_than_the_window_are_archived_by_month_of_decision()
    {
        using var tree = FixtureTree.Standard();

        var run = await CliHost.RunAsync(tree, "approval", "archive", "--state", "applied", "--older-than", "30");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("wrote archive/approvals/2026-05.zip", run.Output, StringComparison.Ordinal);
        Assert.False(tree.Exists("approvals/applied/approval-APR-4.json"));
        Assert.True(tree.Exists("approvals/rejected/approval-APR-3.json"));
        Assert.Equal(2, (await CliHost.RunAsync(tree, "approval", "archive", "--state", "pending", "--older-than", "30")).ExitCode);
    }

    public void Dispose() => _tree.Dispose();
}

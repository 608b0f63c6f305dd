using System.IO.Compression;
using System.Text;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

/// <summary>
/// <c>opsconsole evidence-pack</c> on a temp copy of the demo tree (reports/, cycle-002): the pack is built,
/// verifies, and is refused once an entry is changed, removed or added; two builds are byte-identical; a
/// quarantined evidence file is withheld and listed.
/// </summary>
public sealed class EvidencePackCommandTests : IDisposable
{
    private const string AttemptLog = "executions/cycle-002-real-write-attempt.log";
    private readonly FixtureTree _tree = DemoCopy();
    private readonly string _out = Path.Combine(Path.GetTempPath(), "opsconsole-tests", "pack-" + Guid.NewGuid().ToString("N"));

    public EvidencePackCommandTests() => Directory.CreateDirectory(_out);

    [Fact]
    public async Task A_pack_of_the_demo_cycle_is_built_and_verifies()
    {
        var zip = await BuildAsync("a.zip");

        var verify = await CliHost.RunAsync(_tree, "evidence-pack", "verify", zip);

        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("ok:", verify.Output);
        using var archive = ZipFile.OpenRead(zip);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(["manifest.json", "SUMMARY.md", "ladder.json", "stop-conditions.json", "artifacts/operations/cycle-002/cycle.json"], names.Take(5));
        Assert.Contains("artifacts/operations/cycle-002/real-write-attempt.json", names);
        Assert.Contains("artifacts/" + AttemptLog, names);
        Assert.Contains("artifacts/batches/plans/BATCH-2026-0107.json", names);
        var summary = Read(archive, "SUMMARY.md");
        Assert.Contains("Overall ladder status: **Blocked**", summary);
        Assert.Contains("real-write-attempt", summary);
        Assert.DoesNotContain("[[missing:", summary);
    }

    [Fact]
    public async Task A_changed_entry_is_refused_with_exit_1_naming_it()
    {
        var zip = await BuildAsync("changed.zip");
        Rewrite(zip, a =>
        {
            var name = "artifacts/operations/cycle-002/real-write-freeze.json";
            a.GetEntry(name)!.Delete();
            using var w = new StreamWriter(a.CreateEntry(name).Open());
            w.Write("{ \"status\": \"passed\", \"edited\": true }");
        });

        var verify = await CliHost.RunAsync(_tree, "evidence-pack", "verify", zip);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("MISMATCH artifacts/operations/cycle-002/real-write-freeze.json", verify.Output);
        Assert.Contains("changed", verify.Output);
    }

    [Fact]
    public async Task A_removed_entry_is_refused_with_exit_1_naming_it()
    {
        var zip = await BuildAsync("removed.zip");
        Rewrite(zip, a => a.GetEntry("stop-conditions.json")!.Delete());

        var verify = await CliHost.RunAsync(_tree, "evidence-pack", "verify", zip);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("MISMATCH stop-conditions.json", verify.Output);
        Assert.Contains("removed", verify.Output);
    }

    [Fact]
    public async Task An_added_entry_is_refused_with_exit_1_naming_it()
    {
        var zip = await BuildAsync("added.zip");
        Rewrite(zip, a =>
        {
            using var w = new StreamWriter(a.CreateEntry("artifacts/approvals/approved/approval-APR-9999.json").Open());
            w.Write("{}");
        });

        var verify = await CliHost.RunAsync(_tree, "evidence-pack", "verify", zip);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("MISMATCH artifacts/approvals/approved/approval-APR-9999.json", verify.Output);
        Assert.Contains("added", verify.Output);
    }

    [Fact]
    public async Task A_damaged_zip_is_an_error_with_exit_2()
    {
        var zip = await BuildAsync("damaged.zip");
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);

        var verify = await CliHost.RunAsync(_tree, "evidence-pack", "verify", zip);

        Assert.Equal(2, verify.ExitCode);
        Assert.Contains("damaged", verify.Error);
    }

    [Fact]
    public async Task Two_builds_of_unchanged_artifacts_are_byte_identical()
    {
        var first = await BuildAsync("first.zip");
        var second = await BuildAsync("second.zip");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public async Task The_export_time_given_with_as_of_is_written_with_its_offset()
    {
        var zip = await BuildAsync("asof.zip", "--as-of", "2026-11-21T06:00:00-03:00");

        using var archive = ZipFile.OpenRead(zip);
        Assert.Contains("2026-11-21T06:00:00-03:00", Read(archive, "SUMMARY.md"));
        Assert.Contains("\"as_of\": \"2026-11-21T06:00:00-03:00\"", Read(archive, "stop-conditions.json"));
    }

    [Fact]
    public async Task A_quarantined_evidence_file_is_withheld_and_listed()
    {
        File.AppendAllText(Path.Combine(_tree.Root, AttemptLog), "\nexport NETBOX_WRITE_TOKEN=9f8e7d6c5b4a39281706\n");

        var run = await CliHost.RunAsync(_tree, "evidence-pack", "cycle-002", "--out", Path.Combine(_out, "withheld.zip"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"withheld: {AttemptLog}", run.Output);
        using var archive = ZipFile.OpenRead(Path.Combine(_out, "withheld.zip"));
        Assert.DoesNotContain(archive.Entries, e => e.FullName.EndsWith(AttemptLog, StringComparison.Ordinal));
        var summary = Read(archive, "SUMMARY.md");
        Assert.Matches($@"\| {AttemptLog.Replace(".", @"\.", StringComparison.Ordinal)} \| evidence \| \*\*withheld\*\* \| a secret-looking value was found", summary);
        Assert.Contains("\"state\": \"withheld\"", Read(archive, "manifest.json"));
        Assert.All(archive.Entries, e => Assert.DoesNotContain("9f8e7d6c5b4a39281706", Read(archive, e.FullName)));
    }

    [Fact]
    public async Task The_summary_is_written_in_portuguese_with_culture_pt_BR()
    {
        var zip = await BuildAsync("pt.zip", "--culture", "pt-BR");

        using var archive = ZipFile.OpenRead(zip);
        var summary = Read(archive, "SUMMARY.md");
        Assert.Contains("Status geral da escada: **Bloqueado**", summary);
        Assert.Contains("Condições de parada no momento da exportação", summary);
        Assert.DoesNotContain("[[missing:", summary);
    }

    [Fact]
    public async Task Every_pack_built_is_an_audit_event_and_an_unknown_cycle_is_an_error()
    {
        await BuildAsync("audited.zip");
        var unknown = await CliHost.RunAsync(_tree, "evidence-pack", "cycle-404", "--out", Path.Combine(_out, "none.zip"));

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no cycle cycle-404", unknown.Error);
        Assert.False(File.Exists(Path.Combine(_out, "none.zip")));
        var events = CliHost.AuditEvents(_tree).Where(e => e.Type == "evidence-pack").ToList();
        Assert.Collection(events,
            e => Assert.Equal(("cycle-002", "ok"), (e.Target, e.Outcome)),
            e => Assert.Equal(("cycle-404", "refused"), (e.Target, e.Outcome)));
        Assert.Contains("sha256 ", events[0].Detail);
    }

    public void Dispose()
    {
        _tree.Dispose();
        try
        {
            Directory.Delete(_out, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<string> BuildAsync(string name, params string[] extra)
    {
        var zip = Path.Combine(_out, name);
        var run = await CliHost.RunAsync(_tree, ["evidence-pack", "cycle-002", "--out", zip, .. extra]);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        return zip;
    }

    private static string Read(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Rewrite(string zip, Action<ZipArchive> change)
    {
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Update);
        change(archive);
    }

    // The committed demo tree stays untouched: the tests work on a copy.
    private static FixtureTree DemoCopy()
    {
        var tree = FixtureTree.Empty();
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
        {
            dir = dir.Parent;
        }

        var reports = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "reports");
        foreach (var file in Directory.EnumerateFiles(reports, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(tree.Root, Path.GetRelativePath(reports, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return tree;
    }
}

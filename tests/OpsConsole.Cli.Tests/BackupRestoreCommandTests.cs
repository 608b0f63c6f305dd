using System.IO.Compression;
using Microsoft.Data.Sqlite;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

/// <summary><c>opsconsole backup</c> and <c>restore</c>: what cannot be rebuilt comes back, byte for byte, and nothing is overwritten silently.</summary>
public sealed class BackupRestoreCommandTests : IDisposable
{
    private const string Device = "4WNET-MNS-KTG-RX";
    private const string Responses = $"engagement/{Device}/responses.csv";

    private static readonly string[] EngagementFiles =
        [Responses, $"engagement/{Device}/validation.json", $"engagement/{Device}/finalized.json", "engagement/edge-01/responses.csv"];

    private readonly FixtureTree _tree = WithEngagementAnswers();

    private string Archive => Path.Combine(Path.GetDirectoryName(_tree.Root)!, "backups", "opsconsole-backup.zip");

    [Fact]
    public async Task A_restore_after_losing_the_data_folder_and_the_audit_store_brings_back_every_event_and_answer()
    {
        await _tree.RunOkAsync("approval", "approve", "APR-1", "--actor", "carla", "--reason", "diff reviewed");
        await CliHost.RunAsync(_tree, "approval", "approve", "APR-INC", "--actor", "carla", "--reason", "refused: open critical incident");
        var events = CliHost.AuditEvents(_tree).Select(e => (e.Id, e.Type, e.Outcome, e.Hash)).ToList();
        var answers = EngagementFiles.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(_tree.Root, f)));
        var backup = await CliHost.RunAsync(_tree, "backup", "--out", Archive);
        Assert.Equal(0, backup.ExitCode);

        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_tree.DatabasePath)!, recursive: true);
        Directory.Delete(Path.GetDirectoryName(_tree.AuditPath)!, recursive: true);
        Directory.Delete(Path.Combine(_tree.Root, "engagement"), recursive: true);
        var restore = await CliHost.RunAsync(_tree, "restore", Archive);

        Assert.Equal(0, restore.ExitCode);
        var restored = CliHost.AuditEvents(_tree);
        Assert.Equal(events, restored.Take(events.Count).Select(e => (e.Id, e.Type, e.Outcome, e.Hash)));
        Assert.Equal(("restore", "ok"), (restored[^1].Type, restored[^1].Outcome));
        Assert.Equal(0, (await CliHost.RunAsync(_tree, "audit", "verify")).ExitCode);
        Assert.All(answers, a => Assert.Equal(a.Value, File.ReadAllBytes(Path.Combine(_tree.Root, a.Key))));
    }

    [Theory]
    [InlineData("entry changed")]
    [InlineData("file truncated")]
    [InlineData("entry added")]
    public async Task A_damaged_archive_is_refused_before_anything_is_written(string damage)
    {
        await _tree.RunOkAsync("backup", "--out", Archive);
        Damage(Archive, damage);
        File.Delete(Path.Combine(_tree.Root, Responses));
        var eventsBefore = CliHost.AuditEvents(_tree).Count;

        var restore = await CliHost.RunAsync(_tree, "restore", Archive);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("damaged", restore.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was restored", restore.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_tree.Root, Responses)));
        var refusal = CliHost.AuditEvents(_tree)[^1];
        Assert.Equal(("restore", "refused", eventsBefore + 1L), (refusal.Type, refusal.Outcome, refusal.Id));
    }

    [Fact]
    public async Task Answers_changed_since_the_backup_are_named_and_kept_unless_forced()
    {
        await _tree.RunOkAsync("backup", "--out", Archive);
        var backedUp = File.ReadAllBytes(Path.Combine(_tree.Root, Responses));
        _tree.Write(Responses, File.ReadAllText(Path.Combine(_tree.Root, Responses)) + "ENG-1890-04,4WNET-MNS-KTG-RX,notes,changed after the backup,,ana,2026-11-30T10:00:00Z\n");

        var refused = await CliHost.RunAsync(_tree, "restore", Archive);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"replace   {Responses}: differs from the backup", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Contains("changed after the backup", _tree.Read(Responses), StringComparison.Ordinal);
        Assert.Equal(("restore", "refused"), (CliHost.AuditEvents(_tree)[^1].Type, CliHost.AuditEvents(_tree)[^1].Outcome));

        var forced = await CliHost.RunAsync(_tree, "restore", Archive, "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(backedUp, File.ReadAllBytes(Path.Combine(_tree.Root, Responses)));
    }

    [Fact]
    public async Task Audit_events_recorded_after_the_backup_are_never_dropped_silently()
    {
        await _tree.RunOkAsync("backup", "--out", Archive);
        await _tree.RunOkAsync("approval", "approve", "APR-1", "--actor", "carla", "--reason", "after the backup");
        var newer = CliHost.AuditEvents(_tree).Select(e => e.Hash).ToList();

        var refused = await CliHost.RunAsync(_tree, "restore", Archive);
        var forced = await CliHost.RunAsync(_tree, "restore", Archive, "--force");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("replace   audit trail:", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_tree.AuditPath)!, "*.before-restore-*.db"));
        Assert.Contains(kept, forced.Output, StringComparison.Ordinal);
        Assert.Equal(newer, new OpsConsole.Core.Audit.SqliteAuditStore(kept).ReadChain().Select(e => e.Hash).Take(newer.Count));
        Assert.Equal(0, (await CliHost.RunAsync(_tree, "audit", "verify")).ExitCode);
    }

    public void Dispose() => _tree.Dispose();

    private static FixtureTree WithEngagementAnswers()
    {
        // The demo tree's answered device (package, answers with commas and accents, validation), finalized.
        var tree = FixtureTree.Standard();
        var demo = Path.Combine(RepoRoot(), "reports", "engagement", Device);
        foreach (var file in new[] { "package.json", "responses.csv", "validation.json" })
        {
            tree.Write($"engagement/{Device}/{file}", File.ReadAllText(Path.Combine(demo, file)));
        }

        var marker = new OpsConsole.Core.Engagement.FinalizedMarker(Device, DateTimeOffset.Parse("2026-11-12T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            "lucas.barros", DateTimeOffset.Parse("2026-11-11T16:02:00-03:00", System.Globalization.CultureInfo.InvariantCulture), new string('a', 64), 3, 3);
        tree.Write($"engagement/{Device}/finalized.json", System.Text.Encoding.UTF8.GetString(marker.ToJson()));
        tree.Write("engagement/edge-01/responses.csv", "item_id,device,field,value,evidence,responded_by,responded_at\n");
        return tree;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
        {
            dir = dir.Parent ?? throw new DirectoryNotFoundException("OpsConsole.sln not found above the test assembly");
        }

        return dir.FullName;
    }

    private static void Damage(string archive, string damage)
    {
        switch (damage)
        {
            case "entry changed":
                using (var zip = ZipFile.Open(archive, ZipArchiveMode.Update))
                {
                    zip.GetEntry("artifacts/" + Responses)!.Delete();
                    using var writer = new StreamWriter(zip.CreateEntry("artifacts/" + Responses).Open());
                    writer.Write("item_id,answer\nITEM-1,forged\n");
                }

                break;
            case "entry added":
                using (var zip = ZipFile.Open(archive, ZipArchiveMode.Update))
                {
                    using var writer = new StreamWriter(zip.CreateEntry("artifacts/approvals/approved/approval-APR-9.json").Open());
                    writer.Write("{}");
                }

                break;
            default:
                var bytes = File.ReadAllBytes(archive);
                File.WriteAllBytes(archive, bytes[..(bytes.Length / 2)]);
                break;
        }
    }
}

/// <summary>Runs a command that must succeed.</summary>
internal static class FixtureTreeRuns
{
    public static async Task RunOkAsync(this FixtureTree tree, params string[] args)
    {
        var run = await CliHost.RunAsync(tree, args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)} exited {run.ExitCode}: {run.Error}");
    }
}

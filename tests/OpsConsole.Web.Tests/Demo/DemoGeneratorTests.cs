using System.CommandLine;
using OpsConsole.Cli;
using OpsConsole.Cli.Commands;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;
using OpsConsole.Demo;

namespace OpsConsole.Web.Tests.Demo;

/// <summary>One demo tree with the default options, generated once for the whole class.</summary>
public sealed class DemoTreeFixture : IDisposable
{
    public DemoTreeFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "opsconsole-demo-" + Guid.NewGuid().ToString("N"));
        DemoGenerator.Generate(Options(Root));
        Store = new ArtifactStore(Root);
        Files = [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];
    }

    public string Root { get; }

    public ArtifactStore Store { get; }

    public IReadOnlyList<string> Files { get; }

    internal static DemoOptions Options(string root, int seed = 2026) =>
        new(25, 14, root, seed, DemoOptions.DefaultEndDate);

    public IEnumerable<T> Documents<T>() where T : class =>
        Files.Select(f => Store.Load(f)!.As<T>()).OfType<T>();

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}

public sealed class DemoGeneratorTests(DemoTreeFixture tree) : IClassFixture<DemoTreeFixture>
{
    [Fact]
    public void The_same_seed_writes_a_byte_identical_tree()
    {
        var again = Path.Combine(Path.GetTempPath(), "opsconsole-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            DemoGenerator.Generate(DemoTreeFixture.Options(again));
            var files = Directory.EnumerateFiles(again, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(again, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal).ToList();

            Assert.Equal(tree.Files, files);
            foreach (var file in files)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(tree.Root, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, file))),
                    $"{file} differs between two runs with the same seed");
            }
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void A_different_seed_changes_the_compliance_history()
    {
        var other = Path.Combine(Path.GetTempPath(), "opsconsole-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            DemoGenerator.Generate(DemoTreeFixture.Options(other, seed: 7));
            var differing = tree.Files.Where(f => f.StartsWith("compliance/", StringComparison.Ordinal))
                .Count(f => !File.ReadAllBytes(Path.Combine(tree.Root, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(other, f))));
            Assert.True(differing > 0, "no compliance report changed with another seed");
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Every_generated_file_is_a_readable_artifact_of_a_known_kind()
    {
        Assert.Equal(25 * 14, tree.Files.Count(f => f.StartsWith("compliance/", StringComparison.Ordinal)));
        foreach (var file in tree.Files)
        {
            var loaded = tree.Store.Load(file);
            Assert.NotNull(loaded);
            Assert.True(loaded.IsReadable, $"{file}: {loaded.Problem}");
            Assert.NotEqual(ArtifactKind.Other, loaded.Kind);
        }
    }

    [Fact]
    public void The_inventory_holds_4WNET_MNS_KTG_RX_with_id_1890()
    {
        var inventory = tree.Store.LoadDocument<DeviceInventory>("devices.json")!;
        Assert.Equal(25, inventory.Devices.Count);
        Assert.Equal(1890, inventory.Devices.Single(d => d.Name == "4WNET-MNS-KTG-RX").Id);
        Assert.Equal(3, inventory.Devices.Select(d => d.Site).Distinct().Count());
    }

    [Fact]
    public void Every_artifact_names_a_device_with_its_inventory_id()
    {
        var ids = tree.Store.LoadDocument<DeviceInventory>("devices.json")!.Devices.ToDictionary(d => d.Name, d => d.Id);
        var refs = tree.Documents<ComplianceReport>().Select(r => r.Device)
            .Concat(tree.Documents<ApprovalRecord>().Select(a => a.Device))
            .Concat(tree.Documents<BatchPlan>().Select(p => p.Device))
            .Concat(tree.Documents<EngagementPackage>().Select(p => p.Device));
        Assert.All(refs, r => Assert.Equal(ids[r.Name], r.Id));
    }

    [Fact]
    public void Approvals_exist_in_all_six_states_each_in_the_folder_of_its_state()
    {
        var approvals = tree.Files.Where(f => f.StartsWith("approvals/", StringComparison.Ordinal)).ToList();
        Assert.Equal(ApprovalStates.All.Order(), approvals.Select(f => f.Split('/')[1]).Distinct().Order());
        foreach (var file in approvals)
        {
            var a = tree.Store.LoadDocument<ApprovalRecord>(file)!;
            Assert.Equal(file.Split('/')[1], a.State);
            Assert.Equal(a.State, a.History[^1].To);
            Assert.Null(a.History[0].From);
            Assert.All(a.History.Skip(1), h => Assert.True(ApprovalStates.IsAllowed(h.From!, h.To), $"{a.ApprovalId}: {h.From} -> {h.To}"));
            Assert.DoesNotContain(a.History.Skip(1).Where(h => h.To is "approved" or "rejected"), h => h.Actor == a.RequestedBy);
        }
    }

    [Fact]
    public void One_pending_approval_waits_for_more_than_seven_days()
    {
        var end = new DateTimeOffset(2026, 11, 22, 23, 59, 0, TimeSpan.FromHours(-3));
        var stale = tree.Documents<ApprovalRecord>().Where(a => a.State == "pending" && end - a.History[^1].At > TimeSpan.FromDays(7));
        Assert.Single(stale);
    }

    [Fact]
    public void Exactly_one_compliance_report_contradicts_itself_and_it_is_on_an_older_day()
    {
        var contradictions = tree.Files.Where(f => tree.Store.Load(f)!.As<ComplianceReport>() is { IsContradiction: true }).ToList();
        var only = Assert.Single(contradictions);
        Assert.NotEqual("compliance/2026-11-22", only[..only.LastIndexOf('/')]);
        Assert.Equal("compliant", tree.Store.LoadDocument<ComplianceReport>(only)!.Status);
    }

    [Fact]
    public void The_default_demo_has_no_open_critical_incident_and_no_existing_object_in_a_real_run()
    {
        var incidents = tree.Documents<Incident>().ToList();
        Assert.Equal(ArtifactVocabulary.Severities.Order(), incidents.Select(i => i.Severity).Distinct().Order());
        Assert.Equal(ArtifactVocabulary.IncidentStatuses.Order(), incidents.Select(i => i.Status).Distinct().Order());
        Assert.DoesNotContain(incidents, i => i.Severity == "critical" && i.Status == "open");
        Assert.DoesNotContain(tree.Documents<BatchResult>().Where(r => r.Mode == "real").SelectMany(r => r.Items), i => i.Status == "exists");
        Assert.Single(tree.Documents<BatchResult>(), r => r.Outcome == "blocked");
    }

    [Fact]
    public void The_cycle_ladder_passes_up_to_the_freeze_and_the_real_write_attempt_is_blocked()
    {
        var cycle = tree.Store.LoadDocument<Cycle>("operations/cycle-002/cycle.json")!;
        Assert.Equal("start-gate", cycle.Ladder[0].Gate);
        Assert.Equal("real-write-attempt", cycle.Ladder[^1].Gate);
        var gates = cycle.Ladder.Select(s => tree.Store.LoadDocument<Gate>($"operations/cycle-002/{s.Gate}.json")!).ToList();
        Assert.All(gates.SkipLast(1), g => Assert.Equal("passed", g.Status));
        Assert.Equal("blocked", gates[^1].Status);
        Assert.Contains(gates[^1].Checks, c => c.Title == "write token present" && c.Status == "fail");
        Assert.True(gates.Zip(gates.Skip(1)).All(p => p.First.GeneratedAt < p.Second.GeneratedAt), "generated_at must increase along the ladder");
        Assert.All(gates.SelectMany(g => g.Evidence), e => Assert.Contains(e, tree.Files));
    }

    [Fact]
    public void No_generated_file_holds_a_secret_looking_token()
    {
        Assert.All(tree.Files, f => Assert.Empty(SecretScanner.Scan(File.ReadAllText(Path.Combine(tree.Root, f)))));
    }

    [Fact]
    public async Task The_command_refuses_a_non_empty_folder_without_force()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { DemoCommand.Create() };

        var exit = await CliRunner.RunAsync(root, ["demo", "generate", "--out", tree.Root], output, error);

        Assert.Equal(CliRunner.Failure, exit);
        Assert.Contains("not empty", error.ToString(), StringComparison.Ordinal);
    }
}

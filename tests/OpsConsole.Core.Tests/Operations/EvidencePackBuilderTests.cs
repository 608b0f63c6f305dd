using System.IO.Compression;
using System.Text;
using OpsConsole.Core.Operations;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Operations;

/// <summary>What goes into a pack, what is withheld or listed instead, and that no secret reaches it.</summary>
public sealed class EvidencePackBuilderTests
{
    private const string Secret = "Zx9Qw8Er7Ty6Ui5Op4As3Df2";

    [Fact]
    public async Task Each_evidence_path_is_included_withheld_or_listed_with_its_reason_never_dropped()
    {
        using var root = new IndexedArtifactRoot();
        Cycle(root, """["devices.json", "executions/missing.log", "tools/run.exe", "notes/secrets.json", "../outside.json", "executions/late.log"]""");
        root.Write("devices.json", """{ "schema": "opsconsole/devices@1", "devices": [] }""");
        root.Write("tools/run.exe", "MZ");
        root.Write("notes/secrets.json", "{}");
        var stops = await root.EvaluateAsync();
        // Written after the index pass: only the scan at export time can catch it.
        root.Write("executions/late.log", $"run started\nNETBOX_WRITE_TOKEN={Secret}\n");

        var pack = Build(root, stops);

        var states = pack.Files.ToDictionary(f => f.Path, f => (f.State, f.ReasonCode));
        Assert.Equal((EvidenceFileStates.Included, null), states["devices.json"]);
        Assert.Equal((EvidenceFileStates.Missing, EvidenceFileReasons.NoSuchFile), states["executions/missing.log"]);
        Assert.Equal((EvidenceFileStates.NotAllowed, EvidenceFileReasons.UnsafeKind), states["tools/run.exe"]);
        Assert.Equal((EvidenceFileStates.NotAllowed, EvidenceFileReasons.SensitiveName), states["notes/secrets.json"]);
        Assert.Equal((EvidenceFileStates.NotAllowed, EvidenceFileReasons.OutsideRoot), states["../outside.json"]);
        Assert.Equal((EvidenceFileStates.Withheld, EvidenceFileReasons.Quarantined), states["executions/late.log"]);
        var entries = Entries(pack);
        Assert.Contains("artifacts/devices.json", entries.Keys);
        Assert.DoesNotContain(entries.Keys, k => k.Contains("late.log", StringComparison.Ordinal) && k.StartsWith("artifacts/", StringComparison.Ordinal));
        Assert.All(["executions/missing.log", "tools/run.exe", "notes/secrets.json", "executions/late.log"],
            p => Assert.Contains($"| {p} |", entries["SUMMARY.md"]));
    }

    [Fact]
    public async Task A_gate_file_with_a_secret_is_withheld_and_its_text_is_masked_everywhere_in_the_pack()
    {
        using var root = new IndexedArtifactRoot();
        Cycle(root, "[]", summary: $"blocked: header was Authorization: Bearer {Secret}");
        var stops = await root.EvaluateAsync();

        var pack = Build(root, stops);

        Assert.Equal(EvidenceFileStates.Withheld, pack.Files.Single(f => f.Path == "operations/cycle-009/second-gate.json").State);
        var entries = Entries(pack);
        Assert.DoesNotContain("artifacts/operations/cycle-009/second-gate.json", entries.Keys);
        Assert.All(entries, e => Assert.DoesNotContain(Secret, e.Value));
        Assert.Contains(SecretScanner.Mask(Secret), entries["ladder.json"]);
    }

    [Fact]
    public async Task The_same_inputs_give_the_same_bytes_and_another_export_time_does_not()
    {
        using var root = new IndexedArtifactRoot();
        Cycle(root, """["devices.json"]""");
        root.Write("devices.json", """{ "schema": "opsconsole/devices@1", "devices": [] }""");
        var stops = await root.EvaluateAsync();

        var first = Build(root, stops);
        var again = Build(root, stops);
        var later = Build(root, stops, new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.FromHours(-3)));

        Assert.Equal(first.Bytes, again.Bytes);
        Assert.NotEqual(first.Bytes, later.Bytes);
        Assert.Contains("2026-11-22T06:00:00-03:00", Entries(later)["SUMMARY.md"]);
    }

    private static EvidencePack Build(IndexedArtifactRoot root, OpsConsole.Core.StopConditions.StopEvaluation stops, DateTimeOffset? asOf = null)
    {
        using var store = new ArtifactStore(root.Root);
        return new EvidencePackBuilder(store).Build(new EvidencePackRequest
        {
            CycleId = "cycle-009",
            AsOf = asOf ?? new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero),
            StopConditions = stops,
        })!;
    }

    private static Dictionary<string, string> Entries(EvidencePack pack)
    {
        using var zip = new ZipArchive(new MemoryStream(pack.Bytes));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    private static void Cycle(IndexedArtifactRoot root, string evidence, string summary = "waiting")
    {
        root.Write("operations/cycle-009/cycle.json", """
            { "schema": "opsconsole/cycle@1", "cycle_id": "cycle-009", "title": "Test cycle", "started_at": "2026-11-01T06:00:00Z", "status": "active",
              "ladder": [ { "gate": "start-gate", "title": "Start", "stage": "start", "requires": [] },
                          { "gate": "second-gate", "title": "Second", "stage": "week1", "requires": ["start-gate"] } ] }
            """);
        root.Write("operations/cycle-009/start-gate.json", $$"""
            { "schema": "opsconsole/gate@1", "cycle_id": "cycle-009", "gate": "start-gate", "title": "Start", "status": "passed",
              "generated_at": "2026-11-01T07:00:00Z", "summary": "ok", "checks": [], "evidence": {{evidence}} }
            """);
        root.Write("operations/cycle-009/second-gate.json", $$"""
            { "schema": "opsconsole/gate@1", "cycle_id": "cycle-009", "gate": "second-gate", "title": "Second", "status": "blocked",
              "generated_at": "2026-11-01T08:00:00Z", "summary": "{{summary}}", "checks": [], "evidence": [] }
            """);
    }
}

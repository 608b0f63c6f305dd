using System.Text;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Operations;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Tests.Support;

/// <summary>An in-memory cycle folder: a ladder plus gate files, evaluated without touching the disk.</summary>
internal sealed class LadderFixture
{
    public const string CycleId = "cycle-002";

    /// <summary>The reference Cycle-002 ladder of ARTIFACTS.md, each gate requiring the one before it.</summary>
    public static readonly (string Gate, string Stage)[] Reference =
    [
        ("start-gate", "start"),
        ("week1-activation", "week1"), ("week1-preparation", "week1"), ("week1-intake", "week1"),
        ("week1-validation", "week1"), ("week1-response-seed", "week1"), ("week1-revalidation", "week1"),
        ("week2-preparation", "week2"), ("week2-review", "week2"), ("week2-proposed-approvals", "week2"),
        ("week2-readiness-gate", "week2"), ("week2-test-decision-seed", "week2"), ("week2-manual-approval-ready", "week2"),
        ("manual-review", "approvals"),
        ("applyplan-dryrun", "applyplan"), ("applyplan-validation", "applyplan"), ("dryrun-gate", "applyplan"), ("simulation", "applyplan"),
        ("real-write-readiness", "real-write"), ("real-write-authorization", "real-write"), ("real-write-preflight", "real-write"),
        ("real-write-package", "real-write"), ("real-write-freeze", "real-write"), ("real-write-attempt", "real-write"),
    ];

    private readonly Dictionary<string, LoadedArtifact> _files = new(StringComparer.Ordinal);
    private (string Gate, string Stage, string[] Requires)[] _ladder;

    public LadderFixture((string Gate, string Stage, string[] Requires)[] ladder) => _ladder = ladder;

    /// <summary>The reference ladder with every gate file present and passed, generated one hour apart.</summary>
    public static LadderFixture AllPassed()
    {
        var ladder = Reference.Select((s, i) => (s.Gate, s.Stage, i == 0 ? Array.Empty<string>() : [Reference[i - 1].Gate])).ToArray();
        var fixture = new LadderFixture(ladder);
        for (var i = 0; i < ladder.Length; i++)
        {
            fixture.Gate(ladder[i].Gate, "passed", HoursAfterStart(i));
        }

        return fixture;
    }

    public static string HoursAfterStart(int hours) => new DateTimeOffset(2026, 5, 2, 6, 0, 0, TimeSpan.Zero).AddHours(hours).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Time the reference fixture gave <paramref name="gate"/>.</summary>
    public string TimeOf(string gate) => HoursAfterStart(Array.FindIndex(_ladder, s => s.Gate == gate));

    public LadderFixture Gate(string gate, string status, string? generatedAt = null, params (string Id, string Status, string Detail)[] checks) =>
        File(GateLadder.GatePath(CycleId, gate), ArtifactJson.Gate(CycleId, gate, status, generatedAt ?? TimeOf(gate), checks));

    public LadderFixture File(string path, string content)
    {
        _files[path] = Loaded(path, content);
        return this;
    }

    /// <summary>What <see cref="ArtifactStore.Load"/> would return for a file with this content.</summary>
    public static LoadedArtifact Loaded(string path, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var kind = ArtifactKinds.Classify(path);
        var outcome = ArtifactParser.Parse(kind, bytes);
        return new LoadedArtifact
        {
            RelativePath = path,
            Kind = kind,
            Length = bytes.Length,
            LastWriteUtc = DateTimeOffset.UnixEpoch,
            Document = outcome.Document,
            Problem = outcome.Problem,
        };
    }

    public LadderFixture Remove(string gate)
    {
        _files.Remove(GateLadder.GatePath(CycleId, gate));
        return this;
    }

    public LadderFixture Requires(string gate, params string[] requires)
    {
        _ladder = [.. _ladder.Select(s => s.Gate == gate ? (s.Gate, s.Stage, requires) : s)];
        return this;
    }

    public LadderEvaluation Evaluate()
    {
        // The cycle file follows the current ladder unless a test wrote its own.
        var files = new Dictionary<string, LoadedArtifact>(_files, StringComparer.Ordinal);
        var cyclePath = GateLadder.CyclePath(CycleId);
        files.TryAdd(cyclePath, Loaded(cyclePath, ArtifactJson.Cycle(CycleId, _ladder)));
        return GateLadder.Evaluate(CycleId, p => files.GetValueOrDefault(p));
    }
}

using OpsConsole.Core.Archive;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Archive;

/// <summary>The index records each bundle with its manifest facts (or as unreadable with the reason) and never indexes its entries.</summary>
public sealed class ArchiveIndexTests : IDisposable
{
    private readonly IndexedArtifactRoot _root = new();

    public ArchiveIndexTests()
    {
        foreach (var day in new[] { "2026-01-01", "2026-01-02" })
        {
            _root.Write($"compliance/{day}/edge-01.json", ArchiveTree.Report("edge-01", day));
        }

        var mover = new ArchiveMover(_root.Store.Root);
        mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_root.Store.Root, new DateOnly(2026, 1, 2))));
    }

    [Fact]
    public async Task A_bundle_is_one_row_with_its_facts_and_its_entries_are_not_indexed()
    {
        var evaluation = await _root.EvaluateAsync();

        using var db = _root.CreateDb();
        var bundle = Assert.Single(db.Artifacts.Where(a => a.Kind == nameof(ArtifactKind.ArchiveBundle)));
        Assert.Equal(("archive/compliance/2026-01-01.zip", true, "compliance-2026-01-01", "2026-01-01", 1), (bundle.Path, bundle.Readable, bundle.Key, bundle.Day, bundle.Count));
        Assert.Equal(["compliance/2026-01-02/edge-01.json"], db.Artifacts.Where(a => a.Kind == nameof(ArtifactKind.ComplianceReport)).Select(a => a.Path).ToList());
        // The bundle was scanned as a file (its SHA-256 is recorded), so it leaves no condition unknown.
        Assert.Equal(OpsConsole.Core.StopConditions.StopStates.Clear, evaluation[1].State);
    }

    [Fact]
    public async Task A_truncated_bundle_is_an_unreadable_row_with_the_reason()
    {
        var file = Path.Join(_root.Root, "archive/compliance/2026-01-01.zip");
        var bytes = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);

        var evaluation = await _root.EvaluateAsync();

        using var db = _root.CreateDb();
        var bundle = Assert.Single(db.Artifacts.Where(a => a.Kind == nameof(ArtifactKind.ArchiveBundle)));
        Assert.False(bundle.Readable);
        Assert.StartsWith("checksum mismatch", bundle.Problem, StringComparison.Ordinal);
        Assert.All(evaluation.Conditions, c => Assert.DoesNotContain(c.UnreadableInputs, e => e.Path == bundle.Path));
    }

    public void Dispose() => _root.Dispose();
}

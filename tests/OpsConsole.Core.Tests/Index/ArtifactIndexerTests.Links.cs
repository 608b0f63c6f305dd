using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Index;

/// <summary>
/// Symbolic links: a link that stays inside the root is followed; one that leaves it is never read, but is
/// catalogued as unreadable ("link leaves the root"), so what it may hide reads "unknown", never "clear".
/// </summary>
public sealed partial class ArtifactIndexerTests
{
    [Fact]
    public async Task SymlinkedDirectoryPointingOutsideIsRecordedAsUnreadableNotRead()
    {
        Temp.WriteOutside("2026-05-01/dev-1.json", SampleDocuments.ComplianceReport);
        Temp.WriteOutside("leak.md", $"NETBOX_WRITE_TOKEN={Secret}");
        Directory.CreateSymbolicLink(Temp.PathOf("compliance"), Temp.Outside);
        Temp.Write("handoff/x.md", "# x");

        await _index.Indexer.FullPassAsync();
        await _index.Indexer.RefreshAsync(["compliance/2026-05-01/dev-1.json", "compliance/leak.md"]);

        Assert.Equal(["compliance", "handoff/x.md"], Artifacts().Select(a => a.Path));
        var folder = Artifact("compliance");
        Assert.Equal((nameof(ArtifactKind.Folder), false, true, "link leaves the root"), (folder.Kind, folder.Readable, folder.Refused, folder.Problem));
        Assert.Empty(Findings());
    }

    [Fact]
    public async Task SymlinkedFilePointingOutsideIsCataloguedAsUnreadableWithoutItsContent()
    {
        var target = Temp.WriteOutside("leak.md", $"NETBOX_WRITE_TOKEN={Secret}");
        Directory.CreateDirectory(Temp.PathOf("handoff"));
        File.CreateSymbolicLink(Temp.PathOf("handoff/leak.md"), target);

        await _index.Indexer.FullPassAsync();

        var link = Assert.Single(Artifacts());
        Assert.Equal(("handoff/leak.md", false, true, "link leaves the root", ""), (link.Path, link.Readable, link.Refused, link.Problem, link.Sha256));
        Assert.Empty(Findings());
    }

    [Fact]
    public async Task FileReplacedByALinkOutsideLosesItsContentAndFindingsButStaysListed()
    {
        Temp.Write("handoff/leak.md", $"NETBOX_WRITE_TOKEN={Secret}\n");
        await _index.Indexer.FullPassAsync();
        Assert.Single(Findings());

        var target = Temp.WriteOutside("other.md", "# elsewhere, longer than before\n");
        File.Delete(Temp.PathOf("handoff/leak.md"));
        File.CreateSymbolicLink(Temp.PathOf("handoff/leak.md"), target);
        await _index.Indexer.FullPassAsync();

        var link = Assert.Single(Artifacts());
        Assert.Equal(("link leaves the root", ""), (link.Problem, link.Sha256));
        Assert.Empty(Findings());
    }

    [Fact]
    public async Task SymlinkedFolderInsideTheRootIsFollowed()
    {
        Temp.Write("incidents-store/INC-1.json", SampleDocuments.Incident);
        Directory.CreateSymbolicLink(Temp.PathOf("incidents"), "incidents-store");

        await _index.Indexer.FullPassAsync();

        var incident = Artifact("incidents/INC-1.json");
        Assert.Equal((nameof(ArtifactKind.Incident), true), (incident.Kind, incident.Readable));
    }

    [Fact]
    public async Task AFolderLinkBackIntoItsOwnAncestorIsNotWalkedForever()
    {
        Temp.Write("handoff/x.md", "# x");
        Directory.CreateSymbolicLink(Temp.PathOf("handoff/again"), "..");

        var pass = await _index.Indexer.FullPassAsync();

        Assert.Equal(1, pass.Seen);
        Assert.Equal(["handoff/x.md"], Artifacts().Select(a => a.Path));
    }

    [Fact]
    public async Task AFolderThatCannotBeListedIsRecordedWithItsReasonAndNothingElseIsLost()
    {
        Temp.Write("incidents/INC-1.json", SampleDocuments.Incident);
        Temp.Write("handoff/x.md", "# x");
        var indexer = _index.NewIndexer(new DenyingWalker("incidents"));

        await indexer.FullPassAsync();

        Assert.Equal(["handoff/x.md", "incidents"], Artifacts().Select(a => a.Path));
        var folder = Artifact("incidents");
        Assert.Equal((nameof(ArtifactKind.Folder), "the folder cannot be read (permission denied)"), (folder.Kind, folder.Problem));
    }

    [Fact]
    public async Task AFileNameTheSafePathRulesRejectIsRecordedNotDropped()
    {
        Temp.Write("handoff/notes:v2.md", "# colon in the name");

        await _index.Indexer.FullPassAsync();

        var file = Assert.Single(Artifacts());
        Assert.Equal(("handoff/notes:v2.md", false, true), (file.Path, file.Readable, file.Refused));
        Assert.Equal(SafePath.Refusals.Malformed, file.Problem);
    }

    [Fact]
    public async Task UnreadableEntriesAreNotRewrittenOnEveryPass()
    {
        var target = Temp.WriteOutside("leak.md", "# outside");
        Directory.CreateDirectory(Temp.PathOf("handoff"));
        File.CreateSymbolicLink(Temp.PathOf("handoff/leak.md"), target);
        Directory.CreateSymbolicLink(Temp.PathOf("compliance"), Temp.Outside);
        await _index.Indexer.FullPassAsync();

        var again = await _index.Indexer.FullPassAsync();

        Assert.False(again.Changed);
        Assert.Equal(2, again.Unreadable);
    }

    /// <summary>Lists folders like the real walker, except one that fails as an unreadable folder would (tests run as root).</summary>
    private sealed class DenyingWalker(string denied) : ArtifactTreeWalker
    {
        protected override IEnumerable<FolderEntry> List(string fullPath) =>
            fullPath.EndsWith("/" + denied, StringComparison.Ordinal)
                ? throw new UnauthorizedAccessException("Access to the path is denied.")
                : base.List(fullPath);
    }
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Index;

/// <summary>Symbolic links: the index never follows or keeps a link that leaves the root.</summary>
public sealed partial class ArtifactIndexerTests
{
    [Fact]
    public async Task SymlinkedDirectoryPointingOutsideIsNotFollowed()
    {
        Temp.WriteOutside("2026-05-01/dev-1.json", SampleDocuments.ComplianceReport);
        Temp.WriteOutside("leak.md", $"NETBOX_WRITE_TOKEN={Secret}");
        Directory.CreateSymbolicLink(Temp.PathOf("compliance"), Temp.Outside);
        Temp.Write("handoff/x.md", "# x");

        await _index.Indexer.FullPassAsync();
        await _index.Indexer.RefreshAsync(["compliance/2026-05-01/dev-1.json", "compliance/leak.md"]);

        Assert.Equal(["handoff/x.md"], Artifacts().Select(a => a.Path));
        Assert.Empty(Findings());
    }

    [Fact]
    public async Task SymlinkedFilePointingOutsideIsNotCatalogued()
    {
        var target = Temp.WriteOutside("leak.md", $"NETBOX_WRITE_TOKEN={Secret}");
        Directory.CreateDirectory(Temp.PathOf("handoff"));
        File.CreateSymbolicLink(Temp.PathOf("handoff/leak.md"), target);

        await _index.Indexer.FullPassAsync();

        Assert.Empty(Artifacts());
        Assert.Empty(Findings());
    }

    [Fact]
    public async Task FileReplacedByALinkOutsideIsDroppedFromTheCatalogue()
    {
        Temp.Write("handoff/leak.md", $"NETBOX_WRITE_TOKEN={Secret}\n");
        await _index.Indexer.FullPassAsync();
        Assert.Single(Artifacts());

        var target = Temp.WriteOutside("other.md", "# elsewhere, longer than before\n");
        File.Delete(Temp.PathOf("handoff/leak.md"));
        File.CreateSymbolicLink(Temp.PathOf("handoff/leak.md"), target);
        await _index.Indexer.FullPassAsync();

        Assert.Empty(Artifacts());
        Assert.Empty(Findings());
    }
}

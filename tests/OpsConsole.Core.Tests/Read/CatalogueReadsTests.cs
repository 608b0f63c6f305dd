using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Catalogue;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Read;

/// <summary>What /artifacts reads: every file in path order, filtered by kind, path text or parse status.</summary>
public sealed class CatalogueReadsTests : IDisposable
{
    private readonly ReadIndex _index = new();

    public void Dispose() => _index.Dispose();

    private async Task<CatalogueReads> IndexedAsync()
    {
        await _index
            .Write("incidents/INC-1.json", SampleDocuments.Incident)
            .Write("incidents/INC-2.json", "{ broken")
            .Write("compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport)
            .Write("compliance/2026-05-02/dev-2.json", "{ broken")
            .Write("batches/plans/B-1.json", SampleDocuments.BatchPlan)
            .IndexAsync();
        return new CatalogueReads(_index.Factory, new IndexVersionMemo(new IndexState()));
    }

    [Fact]
    public async Task The_unreadable_filter_lists_only_broken_files_in_path_order_with_their_reason()
    {
        var reads = await IndexedAsync();

        var unreadable = await reads.ListAsync(new CatalogueFilter(null, UnreadableOnly: true, null), PageRequest.From(1, 20));

        Assert.Equal(["compliance/2026-05-02/dev-2.json", "incidents/INC-2.json"], unreadable.Items.Select(r => r.Path));
        Assert.Equal(2, unreadable.Total);
        Assert.All(unreadable.Items, r => Assert.False(r.Readable));
        Assert.All(unreadable.Items, r => Assert.False(string.IsNullOrEmpty(r.Problem)));
        Assert.Equal(2, await reads.UnreadableTotalAsync());
    }

    [Fact]
    public async Task Kind_and_path_text_filter_and_a_page_holds_its_size_of_the_total()
    {
        var reads = await IndexedAsync();

        var incidents = await reads.ListAsync(new CatalogueFilter(nameof(ArtifactKind.Incident), false, null), PageRequest.From(1, 20));
        var dev1 = await reads.ListAsync(new CatalogueFilter(null, false, "dev-1"), PageRequest.From(1, 20));
        var secondPage = await reads.ListAsync(new CatalogueFilter(null, false, null), PageRequest.From(2, 2));

        Assert.Equal(["incidents/INC-1.json", "incidents/INC-2.json"], incidents.Items.Select(r => r.Path));
        Assert.All(incidents.Items, r => Assert.Equal(nameof(ArtifactKind.Incident), r.Kind));
        var report = Assert.Single(dev1.Items);
        Assert.True(report.Readable);
        Assert.Equal(64, report.Sha256.Length);
        Assert.True(report.Size > 0);
        Assert.Equal(["compliance/2026-05-02/dev-2.json", "incidents/INC-1.json"], secondPage.Items.Select(r => r.Path));
        Assert.Equal(5, secondPage.Total);
        Assert.Contains(nameof(ArtifactKind.BatchPlan), await reads.KindsAsync());
    }
}

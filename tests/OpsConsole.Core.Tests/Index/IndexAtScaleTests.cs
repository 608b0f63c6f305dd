using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Index;

/// <summary>The fast paths of the indexer (bulk first load, prepared-statement writer) keep the catalogue exact.</summary>
public sealed class IndexAtScaleTests : IDisposable
{
    private readonly IndexFixture _index = new();

    private List<string> SqlIndexNames()
    {
        using var db = _index.Db();
        return db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index'").ToList();
    }

    private List<string> ModelIndexNames()
    {
        using var db = _index.Db();
        return db.Model.GetEntityTypes().SelectMany(t => t.GetIndexes()).Select(i => i.GetDatabaseName()!).ToList();
    }

    private void WriteReports(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _index.Temp.Write($"compliance/2026-05-01/dev-{i}.json", SampleDocuments.ComplianceReport
                .Replace("dev-1", $"dev-{i}", StringComparison.Ordinal).Replace("RPT-1", $"RPT-{i}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task BulkFirstLoadEndsWithEveryIndexOfTheModel()
    {
        WriteReports(30);
        var indexer = _index.Indexer;
        indexer.BulkLoadThreshold = 10;

        var pass = await indexer.FullPassAsync();

        Assert.Equal(30, pass.Added);
        Assert.Subset(SqlIndexNames().ToHashSet(), ModelIndexNames().ToHashSet());
    }

    [Fact]
    public async Task BulkFirstLoadCataloguesTheSameRowsAsAnOrdinaryLoad()
    {
        WriteReports(30);
        _index.Indexer.BulkLoadThreshold = 10;
        await _index.Indexer.FullPassAsync();
        using var db = _index.Db();
        var bulk = db.Artifacts.AsNoTracking().OrderBy(a => a.Path).Select(a => new { a.Path, a.Key, a.Device, a.Status, a.Sha256 }).ToList();

        using var other = new IndexFixture();
        for (var i = 0; i < 30; i++)
        {
            other.Temp.Write($"compliance/2026-05-01/dev-{i}.json", File.ReadAllText(_index.Temp.PathOf($"compliance/2026-05-01/dev-{i}.json")));
        }

        await other.Indexer.FullPassAsync();
        using var otherDb = other.Db();
        var ordinary = otherDb.Artifacts.AsNoTracking().OrderBy(a => a.Path).Select(a => new { a.Path, a.Key, a.Device, a.Status, a.Sha256 }).ToList();
        Assert.Equal(ordinary, bulk);
        Assert.Equal(30, bulk.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void AnIndexLostByAnInterruptedLoadIsRebuiltAtStart()
    {
        using (var connection = new SqliteConnection($"Data Source={_index.DatabasePath}"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP INDEX \"IX_artifacts_Kind_Status\"; DROP INDEX \"IX_artifacts_Path\";";
            drop.ExecuteNonQuery();
        }

        Assert.DoesNotContain("IX_artifacts_Kind_Status", SqlIndexNames());

        _index.NewIndexer().EnsureDatabase();

        Assert.Subset(SqlIndexNames().ToHashSet(), ModelIndexNames().ToHashSet());
    }

    [Fact]
    public async Task EveryColumnTheIndexerWritesReadsBackThroughEf()
    {
        _index.Temp.Write("approvals/pending/approval-APR-2026-0110.json", SampleDocuments.Approval);
        using var store = new ArtifactStore(_index.Temp.Root);
        var loaded = store.Load("approvals/pending/approval-APR-2026-0110.json")!;
        var expected = new ArtifactRecord { Path = loaded.RelativePath };
        ArtifactFacets.Apply(expected, loaded);

        await _index.Indexer.FullPassAsync();

        using var db = _index.Db();
        var row = db.Artifacts.AsNoTracking().Single();
        foreach (var property in typeof(ArtifactRecord).GetProperties().Where(p => p.Name is not (nameof(ArtifactRecord.Id) or nameof(ArtifactRecord.Sha256)
            or nameof(ArtifactRecord.Size) or nameof(ArtifactRecord.MtimeTicks) or nameof(ArtifactRecord.Kind) or nameof(ArtifactRecord.Readable))))
        {
            Assert.True(Equals(property.GetValue(expected), property.GetValue(row)), $"{property.Name}: expected {property.GetValue(expected)}, read {property.GetValue(row)}");
        }

        Assert.Equal(nameof(ArtifactKind.Approval), row.Kind);
        Assert.True(row.Readable);
        Assert.Equal(64, row.Sha256.Length);
        Assert.NotNull(row.Actor);
        Assert.NotNull(row.Category);
    }

    [Fact]
    public async Task ChangedFileIsUpdatedInPlaceWithItsFindingsReplaced()
    {
        const string path = "compliance/2026-05-01/dev-1.json";
        _index.Temp.Write(path, SampleDocuments.ComplianceReport.Replace("\"compliant\"", "\"error\"", StringComparison.Ordinal) + "\n// NETBOX_WRITE_TOKEN=abcd1234efgh5678\n");
        await _index.Indexer.FullPassAsync();
        using (var db = _index.Db())
        {
            Assert.Single(db.Findings.AsNoTracking().Where(f => f.Condition == 1));
        }

        _index.Rewrite(path, SampleDocuments.ComplianceReport);
        var pass = await _index.Indexer.RefreshAsync([path]);

        Assert.Equal(1, pass.Updated);
        using var after = _index.Db();
        Assert.Equal("compliant", after.Artifacts.AsNoTracking().Single().Status);
        Assert.Empty(after.Findings.AsNoTracking().Where(f => f.Condition == 1));
    }

    [Fact]
    public void AFreshCatalogueIsNotServedBeforeItsFirstPassEnds()
    {
        WriteReports(3);

        Assert.False(_index.Indexer.PublishCompleteIndex());
    }

    [Fact]
    public async Task ARestartAfterACompletedPassServesTheCatalogueAtOnceWithItsCounts()
    {
        WriteReports(3);
        _index.Temp.Write("incidents/broken.json", "{ not json");
        await _index.Indexer.FullPassAsync();

        var state = new IndexState();
        using var store = new ArtifactStore(_index.Temp.Root);
        var restarted = new ArtifactIndexer(store, _index.Db, state);
        restarted.EnsureDatabase();

        Assert.True(restarted.PublishCompleteIndex());
        Assert.Equal(4, state.FileCount);
        Assert.Equal(1, state.UnreadableCount);
    }

    public void Dispose() => _index.Dispose();
}

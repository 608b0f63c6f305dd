using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Index;

namespace OpsConsole.Core.Tests.Read;

/// <summary>An indexed temp root with what the read layer needs: a context factory and a store.</summary>
public sealed class ReadIndex : IDisposable
{
    private readonly IndexFixture _index = new();

    private readonly ArtifactIndexer _indexer;

    public ReadIndex()
    {
        Factory = new PooledDbContextFactory<IndexDbContext>(IndexDbContext.OptionsFor(_index.DatabasePath));
        Store = new ArtifactStore(_index.Temp.Root);
        _indexer = _index.NewIndexer(State);
        Memo = new IndexVersionMemo(State);
    }

    /// <summary>The index state the passes publish into (its version follows the database's).</summary>
    public IndexState State { get; } = new();

    /// <summary>Values remembered per index version, as the reads keep them in the app.</summary>
    public IndexVersionMemo Memo { get; }

    public IDbContextFactory<IndexDbContext> Factory { get; }
    public ArtifactStore Store { get; }

    public ReadIndex Write(string relative, string content)
    {
        _index.Temp.Write(relative, content);
        return this;
    }

    public async Task<ReadIndex> IndexAsync()
    {
        await _indexer.FullPassAsync();
        return this;
    }

    public IndexDbContext Db() => _index.Db();

    public void Dispose()
    {
        Store.Dispose();
        _index.Dispose();
    }
}

using Microsoft.Data.Sqlite;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Index;

/// <summary>A temp artifact root and a temp SQLite index file, with an indexer over both.</summary>
public sealed class IndexFixture : IDisposable
{
    private readonly List<ArtifactStore> _stores = [];

    public IndexFixture()
    {
        DatabasePath = Path.Join(Temp.Base, "index.db");
        Indexer = NewIndexer();
        Indexer.EnsureDatabase();
    }

    public TempRoot Temp { get; } = new();

    public string DatabasePath { get; }

    public ArtifactIndexer Indexer { get; }

    /// <summary>A fresh store and indexer over the same root and database (a restarted process).</summary>
    public ArtifactIndexer NewIndexer(ArtifactTreeWalker? walker = null) => NewIndexer(new IndexState(), walker);

    /// <summary>A fresh indexer publishing into <paramref name="state"/>.</summary>
    public ArtifactIndexer NewIndexer(IndexState state, ArtifactTreeWalker? walker = null)
    {
        var store = new ArtifactStore(Temp.Root);
        _stores.Add(store);
        return new ArtifactIndexer(store, Db, state, walker);
    }

    public IndexDbContext Db() => new(IndexDbContext.OptionsFor(DatabasePath));

    /// <summary>Rewrites a file and moves its modified time forward, so the change is visible by length and time.</summary>
    public void Rewrite(string relative, string content)
    {
        var full = Temp.Write(relative, content);
        File.SetLastWriteTimeUtc(full, DateTime.UtcNow.AddMinutes(1));
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Temp.Dispose();
    }
}

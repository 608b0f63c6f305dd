using Microsoft.Data.Sqlite;
using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Tests.Support;

/// <summary>
/// A temporary artifact root written from JSON strings, indexed by the real <see cref="ArtifactIndexer"/>
/// into a temporary SQLite file (outside the root), with a stop-condition evaluator over it.
/// </summary>
internal sealed class IndexedArtifactRoot : IDisposable
{
    private readonly string _base;
    private readonly ArtifactStore _store;
    private readonly ArtifactIndexer _indexer;

    /// <summary>
    /// A root holding an (empty) inventory unless <paramref name="withInventory"/> is false: without one,
    /// condition 6 is unknown (device ids cannot be compared), which most tests are not about.
    /// </summary>
    public IndexedArtifactRoot(long maxBytes = 5 * 1024 * 1024, bool withInventory = true, ArtifactTreeWalker? walker = null)
    {
        _base = Path.Combine(Path.GetTempPath(), "opsconsole-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(_base, "root");
        Directory.CreateDirectory(Root);
        if (withInventory)
        {
            Write("devices.json", ArtifactJson.Inventory());
        }

        var options = IndexDbContext.OptionsFor(Path.Combine(_base, "index.db"));
        CreateDb = () => new IndexDbContext(options);
        _store = new ArtifactStore(Root, maxBytes);
        _indexer = new ArtifactIndexer(_store, CreateDb, State, walker);
        _indexer.EnsureDatabase();
        Evaluator = new StopConditionEvaluator(CreateDb, State, _store);
    }

    public string Root { get; }
    public IndexState State { get; } = new();
    public Func<IndexDbContext> CreateDb { get; }
    public StopConditionEvaluator Evaluator { get; }

    public IndexedArtifactRoot Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public IndexedArtifactRoot WriteBytes(string relativePath, byte[] content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    /// <summary>The store pages read through.</summary>
    public ArtifactStore Store => _store;

    /// <summary>Runs a full index pass and returns the (cached) evaluation.</summary>
    public async Task<StopEvaluation> EvaluateAsync()
    {
        await _indexer.FullPassAsync();
        return Evaluator.Evaluate();
    }

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_base, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}

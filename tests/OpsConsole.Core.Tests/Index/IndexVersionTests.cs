using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Index;

/// <summary>The version of the catalogue lives in the database, so every process sharing it sees every change.</summary>
public sealed class IndexVersionTests : IDisposable
{
    private readonly IndexFixture _index = new();

    [Fact]
    public async Task A_change_indexed_by_another_process_moves_this_process_version_and_refreshes_its_cached_evaluation()
    {
        _index.Temp.Write("devices.json", SampleDocuments.Inventory);
        _index.Temp.Write("incidents/INC-1.json", ArtifactJson.Incident("INC-1", "critical", "resolved"));
        var webState = new IndexState();
        var web = _index.NewIndexer(webState);
        await web.FullPassAsync();
        using var store = new ArtifactStore(_index.Temp.Root);
        var evaluator = new StopConditionEvaluator(_index.Db, webState, store);
        var before = evaluator.Evaluate();
        Assert.Equal(StopStates.Clear, before[4].State);

        // The CLI, another process with its own state, indexes a new open critical incident into the shared database.
        _index.Temp.Write("incidents/INC-2.json", ArtifactJson.Incident("INC-2", "critical", "open"));
        await _index.NewIndexer().FullPassAsync();

        var after = evaluator.Evaluate();
        Assert.NotEqual(before.IndexVersion, after.IndexVersion);
        Assert.Equal(StopStates.Triggered, after[4].State);
    }

    public void Dispose() => _index.Dispose();
}

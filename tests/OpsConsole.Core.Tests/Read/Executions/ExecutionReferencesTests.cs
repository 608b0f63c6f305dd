using System.Text.Json.Nodes;
using OpsConsole.Core.Read.Executions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Read.Executions;

/// <summary>What the execution page links to: the gates citing the file (and no other gate).</summary>
public sealed class ExecutionReferencesTests : IDisposable
{
    private readonly ReadIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task The_gates_citing_an_execution_file_are_its_references_and_other_gates_are_not()
    {
        await _index
            .Write("operations/cycle-002/cycle.json", SampleDocuments.Cycle)
            .Write("operations/cycle-002/start-gate.json", SampleDocuments.Gate)
            .Write("operations/cycle-002/week1-activation.json", SampleDocuments.With(SampleDocuments.Gate, d =>
            {
                d["gate"] = "week1-activation";
                d["evidence"] = new JsonArray("executions/week1-run.json");
            }))
            .Write("executions/week1-run.json", SampleDocuments.ExecutionReport)
            .IndexAsync();
        var reads = new ExecutionReads(_index.Factory, _index.Store);
        var references = new ExecutionReferences(_index.Factory, _index.Store, reads, _index.Memo);
        var row = (await reads.ByPathAsync("executions/week1-run.json"))!;

        var found = await references.OfAsync(row);

        var gate = Assert.Single(found.Gates);
        Assert.Equal(("cycle-002", "week1-activation"), (gate.CycleId, gate.GateId));
        Assert.Empty(found.Cycles);
        Assert.Empty(found.Batches);
        Assert.Empty(found.Devices);
    }

    [Fact]
    public async Task A_gate_that_starts_citing_the_file_is_a_reference_once_it_is_indexed()
    {
        await _index
            .Write("operations/cycle-002/cycle.json", SampleDocuments.Cycle)
            .Write("operations/cycle-002/start-gate.json", SampleDocuments.Gate)
            .Write("executions/week1-run.json", SampleDocuments.ExecutionReport)
            .IndexAsync();
        var reads = new ExecutionReads(_index.Factory, _index.Store);
        var references = new ExecutionReferences(_index.Factory, _index.Store, reads, _index.Memo);
        var row = (await reads.ByPathAsync("executions/week1-run.json"))!;
        Assert.Empty((await references.OfAsync(row)).Gates);

        await _index.Write("operations/cycle-002/week1-activation.json", SampleDocuments.With(SampleDocuments.Gate, d =>
        {
            d["gate"] = "week1-activation";
            d["evidence"] = new JsonArray("executions/week1-run.json");
        })).IndexAsync();

        Assert.Equal("week1-activation", Assert.Single((await references.OfAsync(row)).Gates).GateId);
    }
}

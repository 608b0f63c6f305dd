using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Operations;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Read.Operations;

/// <summary>The controlled-operation reads: the cycle list and one cycle, which cited files exist, the week-1 devices.</summary>
public sealed class OperationReadsTests : IDisposable
{
    private readonly ReadIndex _index = new();

    public void Dispose() => _index.Dispose();

    private async Task<OperationReads> IndexedCycleAsync()
    {
        await _index
            .Write("operations/cycle-002/cycle.json", SampleDocuments.Cycle)
            .Write("operations/cycle-002/start-gate.json", SampleDocuments.Gate)
            .Write("operations/cycle-002/week1-activation.json", SampleDocuments.With(SampleDocuments.Gate, d =>
            {
                d["gate"] = "week1-activation";
                d["title"] = "Activation";
                d["evidence"] = new System.Text.Json.Nodes.JsonArray("engagement/dev-1/package.json");
            }))
            .Write("engagement/dev-1/package.json", SampleDocuments.EngagementPackage)
            .Write("engagement/dev-1/validation.json", SampleDocuments.EngagementValidation)
            .Write("engagement/dev-2/package.json", SampleDocuments.With(SampleDocuments.EngagementPackage, d => d["device"] = new System.Text.Json.Nodes.JsonObject { ["id"] = 102, ["name"] = "dev-2" }))
            .IndexAsync();
        return new OperationReads(_index.Factory, _index.Store, _index.Memo);
    }

    [Fact]
    public async Task The_cycle_list_evaluates_each_indexed_cycle_ladder_from_its_gate_files()
    {
        var reads = await IndexedCycleAsync();

        var cycles = await reads.CyclesAsync(PageRequest.From(1, 20));

        var cycle = Assert.Single(cycles.Items);
        Assert.Equal(1, cycles.Total);
        Assert.Equal("cycle-002", cycle.CycleId);
        Assert.Equal(["start-gate", "week1-activation"], cycle.Steps.Select(s => s.GateId));
        Assert.Equal("passed", cycle.Steps[0].EffectiveStatus);
    }

    [Fact]
    public async Task A_gate_file_made_unreadable_turns_its_step_unknown_once_indexed_never_still_passed()
    {
        var reads = await IndexedCycleAsync();
        Assert.Equal("passed", (await reads.CycleAsync("cycle-002"))!.Steps[0].EffectiveStatus);

        await _index.Write("operations/cycle-002/start-gate.json", "{ broken").IndexAsync();

        var step = (await reads.CycleAsync("cycle-002"))!.Steps[0];
        Assert.NotEqual("passed", step.EffectiveStatus);
    }

    [Theory]
    [InlineData("cycle-002", true)]
    [InlineData("cycle-999", false)]
    [InlineData("Cycle-002", false)]
    [InlineData("../cycle-002", false)]
    public async Task A_cycle_is_found_only_by_a_valid_id_that_exists(string id, bool found)
    {
        var reads = await IndexedCycleAsync();

        Assert.Equal(found, await reads.CycleAsync(id) is not null);
    }

    [Fact]
    public async Task Of_the_cited_paths_only_the_indexed_ones_are_known()
    {
        var reads = await IndexedCycleAsync();

        var known = await reads.IndexedPathsAsync(["operations/cycle-002/start-gate.json", "handoff/x.md"]);

        Assert.Equal(["operations/cycle-002/start-gate.json"], known);
    }

    [Fact]
    public async Task Week1_devices_are_those_the_week1_gates_cite_with_the_files_each_has()
    {
        var reads = await IndexedCycleAsync();
        var cycle = (await reads.CycleAsync("cycle-002"))!;

        var devices = await reads.Week1DevicesAsync(cycle);

        Assert.Equal([new EngagedDevice("dev-1", 101, HasPackage: true, HasResponses: false, HasValidation: true)], devices);
    }

    [Fact]
    public async Task The_evidence_pack_time_is_the_newest_indexed_change()
    {
        var reads = await IndexedCycleAsync();
        long newest;
        using (var db = _index.Db())
        {
            newest = db.Artifacts.Max(a => a.MtimeTicks);
        }


        Assert.Equal(new DateTimeOffset(newest, TimeSpan.Zero), await reads.EvidencePackAsOfAsync());
    }
}

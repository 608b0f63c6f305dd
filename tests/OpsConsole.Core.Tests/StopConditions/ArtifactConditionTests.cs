using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.StopConditions;

/// <summary>Conditions 2–5: each proven by one artifact on its own.</summary>
public sealed class ArtifactConditionTests
{
    [Fact]
    public async Task A_compliant_report_that_lists_divergences_triggers_condition_2()
    {
        using var root = new IndexedArtifactRoot()
            .Write("compliance/2026-05-02/edge-01.json", ArtifactJson.Report("edge-01", 101, status: "compliant", divergences: 2));

        var condition = (await root.EvaluateAsync())[2];

        Assert.Equal(StopStates.Triggered, condition.State);
        var trigger = Assert.Single(condition.Triggers);
        Assert.Equal("compliance/2026-05-02/edge-01.json", trigger.Path);
        Assert.Equal("report RPT-edge-01: status is compliant but 2 divergence(s) are listed", trigger.Reason);
        Assert.Equal("edge-01", trigger.Device);
    }

    [Fact]
    public async Task A_coherent_divergent_report_leaves_condition_2_clear()
    {
        using var root = new IndexedArtifactRoot()
            .Write("compliance/2026-05-02/edge-01.json", ArtifactJson.Report("edge-01", 101));

        Assert.Equal(StopStates.Clear, (await root.EvaluateAsync())[2].State);
    }

    [Fact]
    public async Task An_unreadable_report_leaves_condition_2_unknown_and_names_the_file()
    {
        using var root = new IndexedArtifactRoot()
            .Write("compliance/2026-05-02/edge-01.json", ArtifactJson.Report("edge-01", 101))
            .Write("compliance/2026-05-02/edge-02.json", "{ not json");

        var condition = (await root.EvaluateAsync())[2];

        Assert.Equal(StopStates.Unknown, condition.State);
        Assert.Equal("compliance/2026-05-02/edge-02.json", Assert.Single(condition.UnreadableInputs).Path);
    }

    [Fact]
    public async Task An_existing_object_in_a_real_run_triggers_condition_3()
    {
        using var root = new IndexedArtifactRoot()
            .Write("batches/plans/B-1.json", ArtifactJson.Plan("B-1", "edge-01", 101))
            .Write("batches/results/B-1-r1.json", ArtifactJson.Result("B-1", "real", "exists"));

        var trigger = Assert.Single((await root.EvaluateAsync())[3].Triggers);

        Assert.Equal("batches/results/B-1-r1.json", trigger.Path);
        Assert.Equal("run B-1-r1: tenant t1 already exists upstream", trigger.Reason);
        Assert.Equal("B-1", trigger.BatchId);
        Assert.Equal("edge-01", trigger.Device);
    }

    [Fact]
    public async Task An_existing_object_in_a_dry_run_leaves_condition_3_clear()
    {
        using var root = new IndexedArtifactRoot().Write("batches/results/B-1-r1.json", ArtifactJson.Result("B-1", "dry-run", "exists"));

        Assert.Equal(StopStates.Clear, (await root.EvaluateAsync())[3].State);
    }

    [Fact]
    public async Task An_open_critical_incident_triggers_condition_4()
    {
        using var root = new IndexedArtifactRoot().Write("incidents/INC-7.json", ArtifactJson.Incident("INC-7", "critical", "open"));

        var condition = (await root.EvaluateAsync())[4];

        Assert.Equal(StopStates.Triggered, condition.State);
        Assert.Equal("INC-7 is an open critical incident: Core link down", Assert.Single(condition.Triggers).Reason);
        Assert.Equal("Pause all approvals and writes; investigate the incident; resume only after it is resolved.", condition.Action);
    }

    [Fact]
    public async Task Mitigated_critical_and_open_high_incidents_leave_condition_4_clear()
    {
        using var root = new IndexedArtifactRoot()
            .Write("incidents/INC-7.json", ArtifactJson.Incident("INC-7", "critical", "mitigated"))
            .Write("incidents/INC-8.json", ArtifactJson.Incident("INC-8", "high", "open"));

        Assert.Equal(StopStates.Clear, (await root.EvaluateAsync())[4].State);
    }

    [Fact]
    public async Task An_unreadable_incident_file_leaves_condition_4_unknown_when_nothing_else_triggers_it()
    {
        using var root = new IndexedArtifactRoot()
            .Write("incidents/INC-8.json", ArtifactJson.Incident("INC-8", "high", "open"))
            .Write("incidents/INC-9.json", """{"schema":"opsconsole/incident@2","incident_id":"INC-9"}""");

        var condition = (await root.EvaluateAsync())[4];

        Assert.Equal(StopStates.Unknown, condition.State);
        var input = Assert.Single(condition.UnreadableInputs);
        Assert.Equal("incidents/INC-9.json", input.Path);
        Assert.Contains("unsupported version", input.Reason);
    }

    [Fact]
    public async Task An_open_critical_incident_triggers_condition_4_even_beside_an_unreadable_one()
    {
        using var root = new IndexedArtifactRoot()
            .Write("incidents/INC-7.json", ArtifactJson.Incident("INC-7", "critical", "open"))
            .Write("incidents/INC-9.json", "garbage");

        var condition = (await root.EvaluateAsync())[4];

        Assert.Equal(StopStates.Triggered, condition.State);
        Assert.Single(condition.UnreadableInputs);
    }

    [Fact]
    public async Task A_plan_object_without_a_staged_payload_triggers_condition_5()
    {
        using var root = new IndexedArtifactRoot().Write("batches/plans/B-2.json", ArtifactJson.Plan("B-2", "edge-01", 101,
            """[{"kind":"tenant","action":"create","lookup":{"name":"t1"},"staged_payload":{"name":"t1"}},{"kind":"site","action":"update","lookup":{"name":"s1"},"staged_payload":{}}]"""));

        var trigger = Assert.Single((await root.EvaluateAsync())[5].Triggers);

        Assert.Equal("plan B-2: objects[1] (site update) has an empty staged_payload", trigger.Reason);
        Assert.Equal("B-2", trigger.BatchId);
    }

    [Fact]
    public async Task A_plan_whose_objects_all_carry_payloads_leaves_condition_5_clear()
    {
        using var root = new IndexedArtifactRoot().Write("batches/plans/B-2.json", ArtifactJson.Plan("B-2", "edge-01", 101));

        var evaluation = await root.EvaluateAsync();

        Assert.Equal(StopStates.Clear, evaluation[5].State);
        Assert.True(evaluation.AllClear);
        Assert.Equal(StopStates.Clear, evaluation.State);
    }
}

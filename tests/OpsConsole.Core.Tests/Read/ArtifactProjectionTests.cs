using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Read;

/// <summary>
/// Known answers: one file of each kind is written, indexed by ArtifactFacets, and read back through the
/// typed projection with the meaning of the document's own fields.
/// </summary>
public sealed class ArtifactProjectionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset May1At6 = new(2026, 5, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly ReadIndex _index = new ReadIndex()
        .Write("compliance/2026-05-01/dev-1.json", SampleDocuments.With(SampleDocuments.ComplianceReport, d =>
        {
            d["status"] = "divergent";
            d["divergences"] = System.Text.Json.Nodes.JsonNode.Parse("""[ { "field": "tenant", "expected": "ops", "actual": null, "severity": "high" } ]""");
        }))
        .Write("compliance/2026-05-02/dev-9.json", "{ not json")
        .Write("approvals/pending/approval-APR-2026-0110.json", SampleDocuments.Approval)
        .Write("batches/plans/B-1.json", SampleDocuments.BatchPlan)
        .Write("batches/results/B-1-r1.json", SampleDocuments.BatchResult)
        .Write("incidents/INC-1.json", SampleDocuments.Incident)
        .Write("engagement/dev-1/package.json", SampleDocuments.EngagementPackage)
        .Write("engagement/dev-1/validation.json", SampleDocuments.EngagementValidation)
        .Write("operations/cycle-002/cycle.json", SampleDocuments.Cycle)
        .Write("operations/cycle-002/start-gate.json", SampleDocuments.Gate)
        .Write("executions/run-1.log", "2026-05-01 06:00:00Z INFO start\n2026-05-01 06:00:01Z WARN slow\n2026-05-01 06:00:02Z ERROR failed to write\n");

    public async Task InitializeAsync() => await _index.IndexAsync();

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_compliance_report_reads_back_with_its_id_device_time_status_severity_and_divergences()
    {
        var row = await ReadAsync(ArtifactKind.ComplianceReport, ArtifactProjections.ComplianceReport, "compliance/2026-05-01/dev-1.json");

        Assert.True(row.Readable);
        Assert.Equal("RPT-1", row.ReportId);
        Assert.Equal("dev-1", row.Device);
        Assert.Equal(101, row.DeviceId);
        Assert.Equal(May1At6, row.GeneratedAt);
        Assert.Equal("2026-05-01", row.Day);
        Assert.Equal("divergent", row.StatusShown);
        Assert.Equal("high", row.MaxSeverity);
        Assert.Equal("nightly", row.Source);
        Assert.Equal(1, row.Divergences);
        Assert.Equal("/compliance-reports/RPT-1", row.DetailLink);
    }

    [Fact]
    public async Task An_unreadable_report_reads_back_as_unreadable_with_its_device_day_and_a_link_by_path()
    {
        var row = await ReadAsync(ArtifactKind.ComplianceReport, ArtifactProjections.ComplianceReport, "compliance/2026-05-02/dev-9.json");

        Assert.False(row.Readable);
        Assert.NotNull(row.Problem);
        Assert.Null(row.ReportId);
        Assert.Equal("dev-9", row.Device);
        Assert.Equal("2026-05-02", row.Day);
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero), row.GeneratedAt);
        Assert.Equal(ReadStatus.Unreadable, row.StatusShown);
        Assert.Equal("/compliance-reports/file?path=compliance%2F2026-05-02%2Fdev-9.json", row.DetailLink);
    }

    [Fact]
    public async Task An_approval_reads_back_with_its_state_risk_batch_requester_and_first_change()
    {
        var row = await ReadAsync(ArtifactKind.Approval, ArtifactProjections.Approval, "approvals/pending/approval-APR-2026-0110.json");

        Assert.Equal("APR-2026-0110", row.ApprovalId);
        Assert.Equal("dev-1", row.Device);
        Assert.Equal(ApprovalStates.Pending, row.State);
        Assert.Equal("low", row.RiskLevel);
        Assert.Equal("B-1", row.BatchId);
        Assert.Equal("ana", row.RequestedBy);
        Assert.Equal("set tenant", row.Summary);
        Assert.Equal(1, row.Changes);
        Assert.Equal(May1At6, row.RequestedAt);
    }

    [Fact]
    public async Task A_batch_plan_and_a_batch_run_read_back_with_their_batch_mode_outcome_and_operator()
    {
        var plan = await ReadAsync(ArtifactKind.BatchPlan, ArtifactProjections.BatchPlan, "batches/plans/B-1.json");
        var run = await ReadAsync(ArtifactKind.BatchResult, ArtifactProjections.BatchRun, "batches/results/B-1-r1.json");

        Assert.Equal(("B-1", "APR-2026-0110", "complete", 1, "dev-1"), (plan.BatchId, plan.ApprovalId, plan.Completeness, plan.Objects, plan.Device));
        Assert.Equal(("r1", "B-1", BatchMode.DryRun, "succeeded", "ana", 1), (run.RunId, run.BatchId, run.Mode, run.OutcomeShown, run.Operator, run.Items));
        Assert.Equal(May1At6, run.StartedAt);
    }

    [Fact]
    public async Task An_incident_reads_back_with_its_severity_status_and_title()
    {
        var row = await ReadAsync(ArtifactKind.Incident, ArtifactProjections.Incident, "incidents/INC-1.json");

        Assert.Equal(("INC-1", SeverityLevel.Low, IncidentStatus.Resolved, "link down"), (row.IncidentId, row.Severity, row.StatusShown, row.Title));
        Assert.Equal(May1At6, row.OpenedAt);
    }

    [Fact]
    public async Task Engagement_files_read_back_with_their_team_due_date_and_validation_status()
    {
        var package = await ReadAsync(ArtifactKind.EngagementPackage, ArtifactProjections.EngagementPackage, "engagement/dev-1/package.json");
        var validation = await ReadAsync(ArtifactKind.EngagementValidation, ArtifactProjections.EngagementValidation, "engagement/dev-1/validation.json");

        Assert.Equal(("dev-1", "net", 1), (package.Device, package.Team, package.Items));
        Assert.Equal(new DateTimeOffset(2026, 5, 9, 0, 0, 0, TimeSpan.Zero), package.DueAt);
        Assert.Equal(("dev-1", "passed", 1), (validation.Device, validation.Status, validation.Results));
    }

    [Fact]
    public async Task A_cycle_and_its_gate_read_back_with_their_ids_status_and_counts()
    {
        var cycle = await ReadAsync(ArtifactKind.Cycle, ArtifactProjections.Cycle, "operations/cycle-002/cycle.json");
        var gate = await ReadAsync(ArtifactKind.Gate, ArtifactProjections.Gate, "operations/cycle-002/start-gate.json");

        Assert.Equal(("cycle-002", "running", "Cycle 2", 2), (cycle.CycleId, cycle.Status, cycle.Title, cycle.Steps));
        Assert.Equal(("start-gate", "cycle-002", "passed", "Start", 1), (gate.GateId, gate.CycleId, gate.Status, gate.Title, gate.Checks));
    }

    [Fact]
    public async Task An_execution_log_reads_back_with_its_error_and_warning_counts_and_first_error()
    {
        var row = await ReadAsync(ArtifactKind.ExecutionLog, ArtifactProjections.Execution, "executions/run-1.log");

        Assert.Equal("run-1", row.Key);
        Assert.True(row.IsLog);
        Assert.Equal(1, row.Count);
        Assert.Equal("1", row.Warnings);
        Assert.Contains("failed to write", row.Title);
        Assert.Equal(May1At6, row.At);
    }

    [Fact]
    public async Task The_projection_in_SQL_and_in_memory_give_the_same_row_for_every_kind()
    {
        await using var db = _index.Db();
        var records = await db.Artifacts.AsNoTracking().ToListAsync();
        Assert.NotEmpty(records);

        foreach (var record in records)
        {
            var inMemory = ArtifactProjections.ToRow(record);
            ArtifactRow? inSql = Enum.Parse<ArtifactKind>(record.Kind) switch
            {
                ArtifactKind.ComplianceReport => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.ComplianceReport).SingleAsync(),
                ArtifactKind.Approval => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.Approval).SingleAsync(),
                ArtifactKind.BatchPlan => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.BatchPlan).SingleAsync(),
                ArtifactKind.BatchResult => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.BatchRun).SingleAsync(),
                ArtifactKind.Incident => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.Incident).SingleAsync(),
                ArtifactKind.EngagementPackage => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.EngagementPackage).SingleAsync(),
                ArtifactKind.EngagementValidation => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.EngagementValidation).SingleAsync(),
                ArtifactKind.Cycle => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.Cycle).SingleAsync(),
                ArtifactKind.Gate => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.Gate).SingleAsync(),
                ArtifactKind.ExecutionLog => await db.Artifacts.Where(a => a.Id == record.Id).Select(ArtifactProjections.Execution).SingleAsync(),
                _ => null,
            };

            Assert.Equal(inSql, inMemory);
        }
    }

    private async Task<TRow> ReadAsync<TRow>(ArtifactKind kind, System.Linq.Expressions.Expression<Func<ArtifactRecord, TRow>> projection, string path)
    {
        await using var db = _index.Db();
        return await db.OfKind(kind).Where(a => a.Path == path).Select(projection).SingleAsync();
    }
}

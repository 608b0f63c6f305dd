using System.Linq.Expressions;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read;

/// <summary>
/// The one place that says what the generic index columns mean for each kind: the mirror of
/// <see cref="ArtifactFacets"/> (and <see cref="OpsConsole.Core.Executions.ExecutionFacets"/>), which write them. Each
/// projection is an expression, so EF translates it into the SELECT of a query (only the columns a row
/// needs are read), and <see cref="Compiled"/> applies the same mapping to a row already in memory.
/// </summary>
public static class ArtifactProjections
{
    /// <summary>Compliance report: Key = report_id, Category = max severity, GroupKey = source, Count = divergences.</summary>
    public static readonly Expression<Func<ArtifactRecord, ComplianceReportRow>> ComplianceReport = a => new ComplianceReportRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        ReportId = a.Readable ? a.Key : null,
        Device = a.Device,
        DeviceId = a.DeviceId,
        GeneratedAt = IndexTime.FromTicks(a.AtTicks),
        Day = a.Day,
        Status = a.Status,
        MaxSeverity = a.Category,
        Source = a.GroupKey,
        Divergences = a.Count,
    };

    /// <summary>Approval: Status = state, Category = risk level, GroupKey = batch id, Title = first change, Actor = requester.</summary>
    public static readonly Expression<Func<ArtifactRecord, ApprovalRow>> Approval = a => new ApprovalRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        ApprovalId = a.Key,
        Device = a.Device,
        DeviceId = a.DeviceId,
        RequestedAt = IndexTime.FromTicks(a.AtTicks),
        State = a.Status,
        RiskLevel = a.Category,
        BatchId = a.GroupKey,
        Summary = a.Title,
        Changes = a.Count,
        RequestedBy = a.Actor,
    };

    /// <summary>Batch plan: Status = completeness, GroupKey = approval id, Count = objects.</summary>
    public static readonly Expression<Func<ArtifactRecord, BatchPlanRow>> BatchPlan = a => new BatchPlanRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        BatchId = a.Key,
        Device = a.Device,
        DeviceId = a.DeviceId,
        CreatedAt = IndexTime.FromTicks(a.AtTicks),
        Completeness = a.Status,
        ApprovalId = a.GroupKey,
        Objects = a.Count,
    };

    /// <summary>Batch result: Key = run id, GroupKey = batch id, Status = outcome, Category = mode, Actor = operator, Title = blocked reason.</summary>
    public static readonly Expression<Func<ArtifactRecord, BatchRunRow>> BatchRun = a => new BatchRunRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        RunId = a.Key,
        BatchId = a.GroupKey,
        StartedAt = IndexTime.FromTicks(a.AtTicks),
        Outcome = a.Status,
        Mode = a.Category,
        Operator = a.Actor,
        BlockedReason = a.Title,
        Items = a.Count,
    };

    /// <summary>Incident: Status = status, Category = severity, Title = title.</summary>
    public static readonly Expression<Func<ArtifactRecord, IncidentRow>> Incident = a => new IncidentRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        IncidentId = a.Key,
        Device = a.Device,
        DeviceId = a.DeviceId,
        OpenedAt = IndexTime.FromTicks(a.AtTicks),
        Status = a.Status,
        Severity = a.Category,
        Title = a.Title,
    };

    /// <summary>Engagement package: AtTicks = due_at, Category = team, Count = items.</summary>
    public static readonly Expression<Func<ArtifactRecord, EngagementPackageRow>> EngagementPackage = a => new EngagementPackageRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        Device = a.Device,
        DeviceId = a.DeviceId,
        DueAt = IndexTime.FromTicks(a.AtTicks),
        Team = a.Category,
        Items = a.Count,
    };

    /// <summary>Engagement validation: Status = passed/failed, Count = results.</summary>
    public static readonly Expression<Func<ArtifactRecord, EngagementValidationRow>> EngagementValidation = a => new EngagementValidationRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        Device = a.Device,
        DeviceId = a.DeviceId,
        GeneratedAt = IndexTime.FromTicks(a.AtTicks),
        Status = a.Status,
        Results = a.Count,
    };

    /// <summary>responses.csv: Count = answers, AtTicks = newest responded_at.</summary>
    public static readonly Expression<Func<ArtifactRecord, EngagementResponsesRow>> EngagementResponses = a => new EngagementResponsesRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        Device = a.Device,
        Answers = a.Count,
        LastRespondedAt = IndexTime.FromTicks(a.AtTicks),
    };

    /// <summary>Cycle: Key = GroupKey = cycle id, Count = ladder steps.</summary>
    public static readonly Expression<Func<ArtifactRecord, CycleRow>> Cycle = a => new CycleRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        CycleId = a.Key,
        StartedAt = IndexTime.FromTicks(a.AtTicks),
        Status = a.Status,
        Title = a.Title,
        Steps = a.Count,
    };

    /// <summary>Gate: Key = gate id, GroupKey = cycle id, Category = mode, Count = checks.</summary>
    public static readonly Expression<Func<ArtifactRecord, GateRow>> Gate = a => new GateRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        GateId = a.Key,
        CycleId = a.GroupKey,
        GeneratedAt = IndexTime.FromTicks(a.AtTicks),
        Status = a.Status,
        Mode = a.Category,
        Title = a.Title,
        Checks = a.Count,
    };

    /// <summary>Reviewed mark: Key = stated date, Day = date of the file name, Actor = reviewer, AtTicks = reviewed_at, Count = divergent.</summary>
    public static readonly Expression<Func<ArtifactRecord, ComplianceReviewRow>> ComplianceReview = a => new ComplianceReviewRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        Day = a.Day,
        Date = a.Readable ? a.Key : null,
        ReviewedBy = a.Actor,
        ReviewedAt = IndexTime.FromTicks(a.AtTicks),
        Divergent = a.Count,
    };

    /// <summary>Execution log or report: Key = name, Status = outcome, GroupKey = subjects, Category = warnings, Actor = operator.</summary>
    public static readonly Expression<Func<ArtifactRecord, ExecutionRow>> Execution = a => new ExecutionRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        Key = a.Key,
        IsLog = a.Kind == nameof(ArtifactKind.ExecutionLog),
        At = IndexTime.FromTicks(a.AtTicks),
        ModifiedTicks = a.MtimeTicks,
        Outcome = a.Status,
        Subjects = a.GroupKey,
        Title = a.Title,
        Count = a.Count,
        Warnings = a.Category,
        Operator = a.Actor,
    };

    /// <summary>The typed row of an index record already in memory, by its kind; null for kinds without a row (inventory, handoff, other).</summary>
    public static ArtifactRow? ToRow(ArtifactRecord record) => Enum.TryParse<ArtifactKind>(record.Kind, out var kind) ? kind switch
    {
        ArtifactKind.ComplianceReport => Compiled.ComplianceReport(record),
        ArtifactKind.Approval => Compiled.Approval(record),
        ArtifactKind.BatchPlan => Compiled.BatchPlan(record),
        ArtifactKind.BatchResult => Compiled.BatchRun(record),
        ArtifactKind.Incident => Compiled.Incident(record),
        ArtifactKind.EngagementPackage => Compiled.EngagementPackage(record),
        ArtifactKind.EngagementValidation => Compiled.EngagementValidation(record),
        ArtifactKind.EngagementResponses => Compiled.EngagementResponses(record),
        ArtifactKind.Cycle => Compiled.Cycle(record),
        ArtifactKind.Gate => Compiled.Gate(record),
        ArtifactKind.ExecutionLog or ArtifactKind.ExecutionReport => Compiled.Execution(record),
        ArtifactKind.ComplianceReview => Compiled.ComplianceReview(record),
        _ => null,
    } : null;

    /// <summary>The same projections compiled once, for rows already in memory.</summary>
    public static class Compiled
    {
        public static readonly Func<ArtifactRecord, ComplianceReportRow> ComplianceReport = ArtifactProjections.ComplianceReport.Compile();
        public static readonly Func<ArtifactRecord, ApprovalRow> Approval = ArtifactProjections.Approval.Compile();
        public static readonly Func<ArtifactRecord, BatchPlanRow> BatchPlan = ArtifactProjections.BatchPlan.Compile();
        public static readonly Func<ArtifactRecord, BatchRunRow> BatchRun = ArtifactProjections.BatchRun.Compile();
        public static readonly Func<ArtifactRecord, IncidentRow> Incident = ArtifactProjections.Incident.Compile();
        public static readonly Func<ArtifactRecord, EngagementPackageRow> EngagementPackage = ArtifactProjections.EngagementPackage.Compile();
        public static readonly Func<ArtifactRecord, EngagementValidationRow> EngagementValidation = ArtifactProjections.EngagementValidation.Compile();
        public static readonly Func<ArtifactRecord, EngagementResponsesRow> EngagementResponses = ArtifactProjections.EngagementResponses.Compile();
        public static readonly Func<ArtifactRecord, CycleRow> Cycle = ArtifactProjections.Cycle.Compile();
        public static readonly Func<ArtifactRecord, GateRow> Gate = ArtifactProjections.Gate.Compile();
        public static readonly Func<ArtifactRecord, ExecutionRow> Execution = ArtifactProjections.Execution.Compile();
        public static readonly Func<ArtifactRecord, ComplianceReviewRow> ComplianceReview = ArtifactProjections.ComplianceReview.Compile();
    }
}

using FluentValidation;

namespace OpsConsole.Core.Artifacts;

/// <summary>The value sets ARTIFACTS.md allows for each enumerated field.</summary>
public static class ArtifactVocabulary
{
    public static readonly string[] ComplianceStatuses = ["compliant", "divergent", "error"];
    public static readonly string[] Severities = ["critical", "high", "medium", "low"];
    public static readonly string[] IncidentStatuses = ["open", "mitigated", "resolved"];
    public static readonly string[] RiskLevels = ["low", "medium", "high", "critical"];
    public static readonly string[] ChangeActions = ["create", "update", "delete"];
    public static readonly string[] BatchModes = ["dry-run", "real"];
    public static readonly string[] BatchOutcomes = ["succeeded", "failed", "blocked"];
    public static readonly string[] BatchItemStatuses = ["created", "updated", "skipped", "failed", "would-create", "would-update", "exists"];
    public static readonly string[] ValidationStatuses = ["passed", "failed"];
    public static readonly string[] ValidationItemStatuses = ["ok", "missing", "invalid"];
    public static readonly string[] Stages = ["start", "week1", "week2", "approvals", "applyplan", "real-write"];
    public static readonly string[] GateStatuses = ["not-started", "pending", "passed", "blocked", "failed"];
    public static readonly string[] CheckStatuses = ["pass", "fail", "warn", "skip"];
    public static readonly string[] GateModes = ["dry-run", "simulation", "read-only"];
}

/// <summary>FluentValidation rules for each artifact kind: required fields and allowed values.</summary>
public static class ArtifactValidators
{
    public static readonly IValidator<DeviceInventory> Inventory = new InventoryValidator();
    public static readonly IValidator<ComplianceReport> ComplianceReport = new ComplianceReportValidator();
    public static readonly IValidator<ApprovalRecord> Approval = new ApprovalValidator();
    public static readonly IValidator<BatchPlan> BatchPlan = new BatchPlanValidator();
    public static readonly IValidator<BatchResult> BatchResult = new BatchResultValidator();
    public static readonly IValidator<Incident> Incident = new IncidentValidator();
    public static readonly IValidator<EngagementPackage> EngagementPackage = new EngagementPackageValidator();
    public static readonly IValidator<EngagementValidation> EngagementValidation = new EngagementValidationValidator();
    public static readonly IValidator<ExecutionReport> ExecutionReport = new InlineValidator<ExecutionReport>();
    public static readonly IValidator<Cycle> Cycle = new CycleValidator();
    public static readonly IValidator<Gate> Gate = new GateValidator();
    public static readonly IValidator<ComplianceReview> ComplianceReview = new ComplianceReviewValidator();

    internal static IRuleBuilderOptions<T, string> OneOf<T>(this IRuleBuilder<T, string> rule, string[] allowed) =>
        rule.NotEmpty().Must(v => allowed.Contains(v, StringComparer.Ordinal))
            .WithMessage((_, v) => $"{{PropertyName}} \"{v}\" is not one of: {string.Join(", ", allowed)}");

    /// <summary>
    /// Rejects JSON <c>null</c> entries in a list. The deserializer cannot: nullable annotations do not
    /// reach list elements, and the rest of the console trusts every entry to be an object.
    /// </summary>
    internal static void NoNullEntries<T, TItem>(this AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, IEnumerable<TItem>>> list, string name) =>
        v.RuleForEach(list).NotNull().WithMessage(name + "[{CollectionIndex}] is null").OverridePropertyName(name);

    internal static void RequiredTime<T>(this AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, DateTimeOffset>> field) =>
        v.RuleFor(field).NotEqual(default(DateTimeOffset)).WithMessage("{PropertyName} is required");
}

internal sealed class DeviceRefValidator : AbstractValidator<DeviceRef>
{
    public DeviceRefValidator()
    {
        RuleFor(d => d.Id).GreaterThan(0).WithMessage("device.id is required (a positive NetBox id)");
        RuleFor(d => d.Name).NotEmpty().WithMessage("device.name is required")
            .Must(DeviceNames.IsValid).WithMessage("device.name may only contain letters, digits, '-', '_' and '.'");
    }
}

internal sealed class InventoryValidator : AbstractValidator<DeviceInventory>
{
    public InventoryValidator()
    {
        this.NoNullEntries(i => i.Devices, "devices");
        RuleForEach(i => i.Devices).ChildRules(d =>
        {
            d.RuleFor(x => x.Id).GreaterThan(0).WithMessage("devices[].id is required");
            d.RuleFor(x => x.Name).NotEmpty().Must(DeviceNames.IsValid).WithMessage("devices[].name is missing or has characters other than letters, digits, '-', '_', '.'");
        });
        RuleFor(i => i.Devices).Must(ds => ds.Where(d => d is not null).Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() == ds.Count(d => d is not null))
            .WithMessage("device names must be unique");
    }
}

internal sealed class ComplianceReportValidator : AbstractValidator<ComplianceReport>
{
    public ComplianceReportValidator()
    {
        RuleFor(r => r.ReportId).NotEmpty().WithMessage("report_id is required");
        RuleFor(r => r.Device).SetValidator(new DeviceRefValidator());
        this.RequiredTime(r => r.GeneratedAt);
        RuleFor(r => r.Status).OneOf(ArtifactVocabulary.ComplianceStatuses).OverridePropertyName("status");
        this.NoNullEntries(r => r.Divergences, "divergences");
        this.NoNullEntries(r => r.Incidents, "incidents");
        RuleForEach(r => r.Divergences).ChildRules(d =>
        {
            d.RuleFor(x => x.Field).NotEmpty().WithMessage("divergences[].field is required");
            d.RuleFor(x => x.Severity).OneOf(ArtifactVocabulary.Severities).OverridePropertyName("divergences[].severity");
        });
        RuleFor(r => r.Summary.Checks).GreaterThanOrEqualTo(0).OverridePropertyName("summary.checks");
    }
}

internal sealed class ApprovalValidator : AbstractValidator<ApprovalRecord>
{
    public ApprovalValidator()
    {
        RuleFor(a => a.ApprovalId).NotEmpty().WithMessage("approval_id is required")
            .Matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$").WithMessage("approval_id may only contain letters, digits, '.', '_' and '-'");
        RuleFor(a => a.Device).SetValidator(new DeviceRefValidator());
        RuleFor(a => a.BatchId).NotEmpty().WithMessage("batch_id is required");
        RuleFor(a => a.State).OneOf([.. ApprovalStates.All]).OverridePropertyName("state");
        RuleFor(a => a.RequestedBy).NotEmpty().WithMessage("requested_by is required");
        this.RequiredTime(a => a.RequestedAt);
        RuleFor(a => a.Risk.Level).OneOf(ArtifactVocabulary.RiskLevels).OverridePropertyName("risk.level");
        this.NoNullEntries(a => a.Changes, "changes");
        this.NoNullEntries(a => a.History, "history");
        RuleForEach(a => a.History).ChildRules(h =>
        {
            h.RuleFor(x => x.To).NotEmpty().WithMessage("history[].to is required");
            h.RuleFor(x => x.Actor).NotEmpty().WithMessage("history[].actor is required");
            h.RuleFor(x => x.At).NotEqual(default(DateTimeOffset)).WithMessage("history[].at is required");
        });
    }
}

internal sealed class BatchPlanValidator : AbstractValidator<BatchPlan>
{
    public BatchPlanValidator()
    {
        RuleFor(p => p.BatchId).NotEmpty().WithMessage("batch_id is required");
        RuleFor(p => p.ApprovalId).NotEmpty().WithMessage("approval_id is required");
        RuleFor(p => p.Device).SetValidator(new DeviceRefValidator());
        this.RequiredTime(p => p.CreatedAt);
        this.NoNullEntries(p => p.Objects, "objects");
        RuleForEach(p => p.Objects).ChildRules(o =>
        {
            o.RuleFor(x => x.Kind).NotEmpty().WithMessage("objects[].kind is required");
            o.RuleFor(x => x.Action).NotEmpty().WithMessage("objects[].action is required");
        });
    }
}

internal sealed class BatchResultValidator : AbstractValidator<BatchResult>
{
    public BatchResultValidator()
    {
        RuleFor(r => r.BatchId).NotEmpty().WithMessage("batch_id is required");
        RuleFor(r => r.RunId).NotEmpty().WithMessage("run_id is required");
        RuleFor(r => r.Mode).OneOf(ArtifactVocabulary.BatchModes).OverridePropertyName("mode");
        RuleFor(r => r.Operator).NotEmpty().WithMessage("operator is required");
        this.RequiredTime(r => r.StartedAt);
        this.RequiredTime(r => r.FinishedAt);
        RuleFor(r => r.Outcome).OneOf(ArtifactVocabulary.BatchOutcomes).OverridePropertyName("outcome");
        this.NoNullEntries(r => r.Items, "items");
        RuleForEach(r => r.Items).ChildRules(i =>
            i.RuleFor(x => x.Status).OneOf(ArtifactVocabulary.BatchItemStatuses).OverridePropertyName("items[].status"));
    }
}

internal sealed class ComplianceReviewValidator : AbstractValidator<ComplianceReview>
{
    public ComplianceReviewValidator()
    {
        RuleFor(r => r.Date).Must(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out _)).WithMessage("date is required (yyyy-MM-dd)");
        RuleFor(r => r.ReviewedBy).NotEmpty().WithMessage("reviewed_by is required");
        this.RequiredTime(r => r.ReviewedAt);
        RuleFor(r => r.Reports).GreaterThanOrEqualTo(0).WithMessage("reports must not be negative");
        RuleFor(r => r.Divergent).GreaterThanOrEqualTo(0).WithMessage("divergent must not be negative");
        RuleFor(r => r.Unreadable).GreaterThanOrEqualTo(0).WithMessage("unreadable must not be negative");
    }
}

internal sealed class IncidentValidator : AbstractValidator<Incident>
{
    public IncidentValidator()
    {
        RuleFor(i => i.IncidentId).NotEmpty().WithMessage("incident_id is required");
        RuleFor(i => i.Title).NotEmpty().WithMessage("title is required");
        RuleFor(i => i.Severity).OneOf(ArtifactVocabulary.Severities).OverridePropertyName("severity");
        RuleFor(i => i.Status).OneOf(ArtifactVocabulary.IncidentStatuses).OverridePropertyName("status");
        this.RequiredTime(i => i.OpenedAt);
        RuleFor(i => i.Device!).SetValidator(new DeviceRefValidator()).When(i => i.Device is not null);
    }
}

internal sealed class EngagementPackageValidator : AbstractValidator<EngagementPackage>
{
    public EngagementPackageValidator()
    {
        RuleFor(p => p.Device).SetValidator(new DeviceRefValidator());
        RuleFor(p => p.Team).NotEmpty().WithMessage("team is required");
        this.RequiredTime(p => p.DueAt);
        this.NoNullEntries(p => p.Items, "items");
        RuleForEach(p => p.Items).ChildRules(i =>
        {
            i.NoNullEntries(x => x.Allowed!, "items[].allowed");
            i.RuleFor(x => x.ItemId).NotEmpty().WithMessage("items[].item_id is required");
            i.RuleFor(x => x.Field).NotEmpty().WithMessage("items[].field is required");
        });
        RuleFor(p => p.Items).Must(items => items.Where(i => i is not null).Select(i => i.ItemId).Distinct(StringComparer.Ordinal).Count() == items.Count(i => i is not null))
            .WithMessage("items[].item_id must be unique");
    }
}

internal sealed class EngagementValidationValidator : AbstractValidator<EngagementValidation>
{
    public EngagementValidationValidator()
    {
        RuleFor(v => v.Device).SetValidator(new DeviceRefValidator());
        this.RequiredTime(v => v.GeneratedAt);
        RuleFor(v => v.Status).OneOf(ArtifactVocabulary.ValidationStatuses).OverridePropertyName("status");
        this.NoNullEntries(v => v.Results, "results");
        RuleForEach(v => v.Results).ChildRules(r =>
            r.RuleFor(x => x.Status).OneOf(ArtifactVocabulary.ValidationItemStatuses).OverridePropertyName("results[].status"));
    }
}

internal sealed class CycleValidator : AbstractValidator<Cycle>
{
    public CycleValidator()
    {
        RuleFor(c => c.CycleId).NotEmpty().WithMessage("cycle_id is required");
        RuleFor(c => c.Title).NotEmpty().WithMessage("title is required");
        RuleFor(c => c.Ladder).NotEmpty().WithMessage("ladder must list at least one gate");
        this.NoNullEntries(c => c.Ladder, "ladder");
        RuleForEach(c => c.Ladder).ChildRules(s =>
        {
            s.NoNullEntries(x => x.Requires, "ladder[].requires");
            s.RuleFor(x => x.Gate).NotEmpty().Matches("^[a-z0-9][a-z0-9-]{0,63}$").WithMessage("ladder[].gate must be a lower-case id");
            s.RuleFor(x => x.Stage).OneOf(ArtifactVocabulary.Stages).OverridePropertyName("ladder[].stage");
        });
        RuleFor(c => c.Ladder).Must(l => l.Where(s => s is not null).Select(s => s.Gate).Distinct(StringComparer.Ordinal).Count() == l.Count(s => s is not null))
            .WithMessage("ladder gate ids must be unique");
    }
}

internal sealed class GateValidator : AbstractValidator<Gate>
{
    public GateValidator()
    {
        RuleFor(g => g.CycleId).NotEmpty().WithMessage("cycle_id is required");
        RuleFor(g => g.GateId).NotEmpty().WithMessage("gate is required");
        RuleFor(g => g.Status).OneOf(ArtifactVocabulary.GateStatuses).OverridePropertyName("status");
        this.RequiredTime(g => g.GeneratedAt);
        this.NoNullEntries(g => g.Checks, "checks");
        this.NoNullEntries(g => g.Evidence, "evidence");
        RuleForEach(g => g.Checks).ChildRules(c =>
            c.RuleFor(x => x.Status).OneOf(ArtifactVocabulary.CheckStatuses).OverridePropertyName("checks[].status"));
        RuleFor(g => g.Mode!).OneOf(ArtifactVocabulary.GateModes).When(g => g.Mode is not null).OverridePropertyName("mode");
    }
}

/// <summary>Device name rule from ARTIFACTS.md: letters, digits, '-', '_', '.'.</summary>
public static class DeviceNames
{
    /// <summary>True when <paramref name="name"/> is a legal device name (and cannot be a path trick).</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 128 && name is not "." and not ".."
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

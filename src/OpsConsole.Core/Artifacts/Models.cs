using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace OpsConsole.Core.Artifacts;

// Models follow ../shared/ARTIFACTS.md (contract v1). Property names map to snake_case through
// ArtifactJsonContext. Required-ness is checked by the validators, not by the deserializer, so a
// missing field becomes a human reason ("device.name is required") instead of an exception.

/// <summary>A reference to a device by its upstream (NetBox) id and unique name.</summary>
public sealed record DeviceRef
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
}

/// <summary>Base of every JSON artifact: the <c>schema</c> string <c>opsconsole/&lt;kind&gt;@&lt;major&gt;</c>.</summary>
public abstract record ArtifactDocument
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)] // written first
    public string Schema { get; init; } = "";
}

/// <summary><c>devices.json</c>: the device inventory (devices@1).</summary>
public sealed record DeviceInventory : ArtifactDocument
{
    public List<InventoryDevice> Devices { get; init; } = [];
}

/// <summary>One device of the inventory.</summary>
public sealed record InventoryDevice
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Site { get; init; } = "";
    public string Role { get; init; } = "";
    public string Platform { get; init; } = "";
    public string? Tenant { get; init; }
}

/// <summary>A compliance report for one device and one run (compliance-report@1).</summary>
public sealed record ComplianceReport : ArtifactDocument
{
    public string ReportId { get; init; } = "";
    public DeviceRef Device { get; init; } = new();
    public DateTimeOffset GeneratedAt { get; init; }
    public string Source { get; init; } = "";
    public string Status { get; init; } = "";
    public List<Divergence> Divergences { get; init; } = [];
    public List<ReportIncident> Incidents { get; init; } = [];
    public ComplianceSummary Summary { get; init; } = new();

    /// <summary>
    /// True when the report contradicts itself: compliant with divergences, or a summary whose
    /// passed + failed differs from checks (ARTIFACTS.md stop condition 2).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore] // derived, never written
    public bool IsContradiction => ContradictionReason is not null;

    /// <summary>Plain-language reason of the contradiction, or null when the report is coherent.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // derived, never written
    public string? ContradictionReason =>
        Status == "compliant" && Divergences.Count > 0
            ? $"status is compliant but {Divergences.Count} divergence(s) are listed"
            : Summary.Passed + Summary.Failed != Summary.Checks
                ? $"summary does not add up: passed {Summary.Passed} + failed {Summary.Failed} ≠ checks {Summary.Checks}"
                : null;
}

/// <summary>A field whose upstream value differs from the expected one.</summary>
public sealed record Divergence
{
    public string Field { get; init; } = "";
    public JsonElement? Expected { get; init; }
    public JsonElement? Actual { get; init; }
    public string Severity { get; init; } = "";
}

/// <summary>An incident referenced from a compliance report.</summary>
public sealed record ReportIncident
{
    public string Id { get; init; } = "";
    public string Severity { get; init; } = "";
    public string Status { get; init; } = "";
    public string Title { get; init; } = "";
}

/// <summary>Check counts of a compliance report.</summary>
public sealed record ComplianceSummary
{
    public int Checks { get; init; }
    public int Passed { get; init; }
    public int Failed { get; init; }
}

/// <summary>An approval record (approval@1); its folder under <c>approvals/</c> is its state.</summary>
public sealed record ApprovalRecord : ArtifactDocument
{
    public string ApprovalId { get; init; } = "";
    public DeviceRef Device { get; init; } = new();
    public string BatchId { get; init; } = "";
    public string State { get; init; } = "";
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public RiskAssessment Risk { get; init; } = new();
    public List<ApprovalChange> Changes { get; init; } = [];
    public List<ApprovalHistoryEntry> History { get; init; } = [];
}

/// <summary>Risk level and notes of an approval.</summary>
public sealed record RiskAssessment
{
    public string Level { get; init; } = "";
    public string Notes { get; init; } = "";
}

/// <summary>One change an approval covers.</summary>
public sealed record ApprovalChange
{
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The contract's field is named 'object' (artifact-contract.md).")]
    public string Object { get; init; } = "";
    public string Action { get; init; } = "";
    public string Summary { get; init; } = "";
}

/// <summary>One state transition of an approval (oldest first; <c>from</c> is null for the first).</summary>
public sealed record ApprovalHistoryEntry
{
    public DateTimeOffset At { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] // "from": null is part of the contract
    public string? From { get; init; }
    public string To { get; init; } = "";
    public string Actor { get; init; } = "";
    public string Reason { get; init; } = "";

    /// <summary>
    /// The operating-system user who ran the CLI for this entry, next to <see cref="Actor"/> (a console
    /// addition to the contract's history entry; absent in entries written by other tools).
    /// </summary>
    public string? OsUser { get; init; }
}

/// <summary>A batch apply plan with staged payloads (batch-plan@1).</summary>
public sealed record BatchPlan : ArtifactDocument
{
    public string BatchId { get; init; } = "";
    public string ApprovalId { get; init; } = "";
    public DeviceRef Device { get; init; } = new();
    public DateTimeOffset CreatedAt { get; init; }
    public List<PlanObject> Objects { get; init; } = [];

    /// <summary>Objects whose staged payload is missing or empty (stop condition 5).</summary>
    [System.Text.Json.Serialization.JsonIgnore] // derived, never written
    public IEnumerable<PlanObject> IncompleteObjects => Objects.Where(o => !o.HasCompletePayload);
}

/// <summary>One object a batch plan would create or update upstream.</summary>
public sealed record PlanObject
{
    public string Kind { get; init; } = "";
    public string Action { get; init; } = "";
    public Dictionary<string, JsonElement>? Lookup { get; init; }
    public Dictionary<string, JsonElement>? StagedPayload { get; init; }

    /// <summary>True when the staged payload exists and has at least one field.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // derived, never written
    public bool HasCompletePayload => StagedPayload is { Count: > 0 };
}

/// <summary>The result of one run of a batch (batch-result@1).</summary>
public sealed record BatchResult : ArtifactDocument
{
    public string BatchId { get; init; } = "";
    public string RunId { get; init; } = "";
    public string Mode { get; init; } = "";
    public string Operator { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    public string Outcome { get; init; } = "";
    public string? BlockedReason { get; init; }
    public List<BatchResultItem> Items { get; init; } = [];

    /// <summary>Run duration (never negative).</summary>
    [System.Text.Json.Serialization.JsonIgnore] // derived, never written
    public TimeSpan Duration => FinishedAt > StartedAt ? FinishedAt - StartedAt : TimeSpan.Zero;
}

/// <summary>One item of a batch run.</summary>
public sealed record BatchResultItem
{
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The contract's field is named 'object' (artifact-contract.md).")]
    public string Object { get; init; } = "";
    public string Action { get; init; } = "";
    public string Status { get; init; } = "";
    public string Message { get; init; } = "";
}

/// <summary>An incident (incident@1).</summary>
public sealed record Incident : ArtifactDocument
{
    public string IncidentId { get; init; } = "";
    public string Title { get; init; } = "";
    public string Severity { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DeviceRef? Device { get; init; }
    public string? Notes { get; init; }
}

/// <summary>Pending items a service team must answer for a device (engagement-package@1).</summary>
public sealed record EngagementPackage : ArtifactDocument
{
    public DeviceRef Device { get; init; } = new();
    public string Team { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }
    public string? Contact { get; init; }
    public List<EngagementItem> Items { get; init; } = [];
}

/// <summary>One pending item of an engagement package.</summary>
public sealed record EngagementItem
{
    public string ItemId { get; init; } = "";
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The contract's field is named 'object' (artifact-contract.md).")]
    public string Object { get; init; } = "";
    public string Field { get; init; } = "";
    public JsonElement? Current { get; init; }
    public List<string>? Allowed { get; init; }
    public bool Required { get; init; }
    public string Hint { get; init; } = "";
}

/// <summary>Result of a local validation of engagement responses (engagement-validation@1).</summary>
public sealed record EngagementValidation : ArtifactDocument
{
    public DeviceRef Device { get; init; } = new();
    public DateTimeOffset GeneratedAt { get; init; }
    public string Status { get; init; } = "";
    public List<EngagementValidationResult> Results { get; init; } = [];
}

/// <summary>Validation outcome of one engagement item.</summary>
public sealed record EngagementValidationResult
{
    public string ItemId { get; init; } = "";
    public string Status { get; init; } = "";
    public string Message { get; init; } = "";
}

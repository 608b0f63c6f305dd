using System.Text.Json.Nodes;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Tests.Support;

/// <summary>The smallest valid document of every JSON kind (ARTIFACTS.md v1), as JSON text.</summary>
public static class SampleDocuments
{
    public const string Device = """{ "id": 101, "name": "dev-1" }""";

    public const string Inventory = """
        { "schema": "opsconsole/devices@1",
          "devices": [ { "id": 101, "name": "dev-1", "site": "site-a", "role": "leaf", "platform": "eos" },
                       { "id": 102, "name": "dev-2", "site": "site-b", "role": "spine", "platform": "eos", "tenant": "ops" } ] }
        """;

    public const string ComplianceReport = """
        { "schema": "opsconsole/compliance-report@1", "report_id": "RPT-1", "device": { "id": 101, "name": "dev-1" },
          "generated_at": "2026-05-01T06:00:00Z", "source": "nightly", "status": "compliant",
          "divergences": [], "incidents": [], "summary": { "checks": 3, "passed": 3, "failed": 0 } }
        """;

    public const string Approval = """
        { "schema": "opsconsole/approval@1", "approval_id": "APR-2026-0110", "device": { "id": 101, "name": "dev-1" },
          "batch_id": "B-1", "state": "pending", "requested_by": "ana", "requested_at": "2026-05-01T06:00:00Z",
          "risk": { "level": "low", "notes": "" },
          "changes": [ { "object": "dev-1", "action": "update", "summary": "set tenant" } ],
          "history": [ { "at": "2026-05-01T06:00:00Z", "from": null, "to": "proposed", "actor": "ana", "reason": "new" },
                       { "at": "2026-05-01T07:00:00Z", "from": "proposed", "to": "pending", "actor": "ana", "reason": "ready" } ] }
        """;

    public const string BatchPlan = """
        { "schema": "opsconsole/batch-plan@1", "batch_id": "B-1", "approval_id": "APR-2026-0110",
          "device": { "id": 101, "name": "dev-1" }, "created_at": "2026-05-01T06:00:00Z",
          "objects": [ { "kind": "dcim.device", "action": "update", "lookup": { "name": "dev-1" }, "staged_payload": { "tenant": 7 } } ] }
        """;

    public const string BatchResult = """
        { "schema": "opsconsole/batch-result@1", "batch_id": "B-1", "run_id": "r1", "mode": "dry-run", "operator": "ana",
          "started_at": "2026-05-01T06:00:00Z", "finished_at": "2026-05-01T06:01:00Z", "outcome": "succeeded",
          "items": [ { "object": "dev-1", "action": "update", "status": "would-update", "message": "" } ] }
        """;

    public const string Incident = """
        { "schema": "opsconsole/incident@1", "incident_id": "INC-1", "title": "link down", "severity": "low",
          "status": "resolved", "opened_at": "2026-05-01T06:00:00Z" }
        """;

    public const string EngagementPackage = """
        { "schema": "opsconsole/engagement-package@1", "device": { "id": 101, "name": "dev-1" }, "team": "net",
          "due_at": "2026-05-09T00:00:00Z",
          "items": [ { "item_id": "I-1", "object": "dev-1", "field": "tenant", "current": null, "required": true, "hint": "who owns it" } ] }
        """;

    public const string EngagementValidation = """
        { "schema": "opsconsole/engagement-validation@1", "device": { "id": 101, "name": "dev-1" },
          "generated_at": "2026-05-02T06:00:00Z", "status": "passed",
          "results": [ { "item_id": "I-1", "status": "ok", "message": "" } ] }
        """;

    public const string ExecutionReport = """{ "schema": "opsconsole/execution-report@1" }""";

    public const string Cycle = """
        { "schema": "opsconsole/cycle@1", "cycle_id": "cycle-002", "title": "Cycle 2", "started_at": "2026-05-01T00:00:00Z",
          "status": "running",
          "ladder": [ { "gate": "start-gate", "title": "Start", "stage": "start", "requires": [] },
                      { "gate": "week1-activation", "title": "Activation", "stage": "week1", "requires": [ "start-gate" ] } ] }
        """;

    public const string Gate = """
        { "schema": "opsconsole/gate@1", "cycle_id": "cycle-002", "gate": "start-gate", "title": "Start", "status": "passed",
          "generated_at": "2026-05-01T06:00:00Z", "summary": "ok",
          "checks": [ { "id": "c1", "title": "inputs present", "status": "pass", "detail": "" } ], "evidence": [ "handoff/x.md" ] }
        """;

    /// <summary>Every JSON kind with its valid minimal document.</summary>
    public static readonly IReadOnlyDictionary<ArtifactKind, string> ByKind = new Dictionary<ArtifactKind, string>
    {
        [ArtifactKind.Inventory] = Inventory,
        [ArtifactKind.ComplianceReport] = ComplianceReport,
        [ArtifactKind.Approval] = Approval,
        [ArtifactKind.BatchPlan] = BatchPlan,
        [ArtifactKind.BatchResult] = BatchResult,
        [ArtifactKind.Incident] = Incident,
        [ArtifactKind.EngagementPackage] = EngagementPackage,
        [ArtifactKind.EngagementValidation] = EngagementValidation,
        [ArtifactKind.ExecutionReport] = ExecutionReport,
        [ArtifactKind.Cycle] = Cycle,
        [ArtifactKind.Gate] = Gate,
    };

    /// <summary>A copy of <paramref name="json"/> changed by <paramref name="edit"/>.</summary>
    public static string With(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }
}

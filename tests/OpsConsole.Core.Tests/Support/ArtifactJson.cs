namespace OpsConsole.Core.Tests.Support;

/// <summary>Small, valid artifact documents (ARTIFACTS.md v1) for fixture trees.</summary>
internal static class ArtifactJson
{
    public const string At = "2026-05-02T06:00:00Z";

    public static string Inventory(params (string Name, long Id)[] devices) =>
        $$$"""{"schema":"opsconsole/devices@1","devices":[{{{string.Join(",", devices.Select(d =>
            $$$"""{"id":{{{d.Id}}},"name":"{{{d.Name}}}","site":"lab","role":"leaf","platform":"eos"}"""))}}}]}""";

    public static string Report(string device, long id, string status = "divergent", int divergences = 1, int checks = 10, int passed = 9, int failed = 1) =>
        $$$"""
        {"schema":"opsconsole/compliance-report@1","report_id":"RPT-{{{device}}}","device":{"id":{{{id}}},"name":"{{{device}}}"},
         "generated_at":"{{{At}}}","source":"nightly","status":"{{{status}}}",
         "divergences":[{{{string.Join(",", Enumerable.Range(0, divergences).Select(n =>
            $$$"""{"field":"tenant{{{n}}}","expected":"a","actual":"b","severity":"high"}"""))}}}],
         "incidents":[],"summary":{"checks":{{{checks}}},"passed":{{{passed}}},"failed":{{{failed}}}}}
        """;

    public static string Approval(string approvalId, string device, long id, string batchId, string state = "pending") =>
        $$$"""
        {"schema":"opsconsole/approval@1","approval_id":"{{{approvalId}}}","device":{"id":{{{id}}},"name":"{{{device}}}"},
         "batch_id":"{{{batchId}}}","state":"{{{state}}}","requested_by":"ana","requested_at":"{{{At}}}",
         "risk":{"level":"low","notes":""},"changes":[],
         "history":[{"at":"{{{At}}}","from":null,"to":"{{{state}}}","actor":"ana","reason":"new"}]}
        """;

    public const string CompleteObjects = """[{"kind":"tenant","action":"create","lookup":{"name":"t1"},"staged_payload":{"name":"t1"}}]""";

    public static string Plan(string batchId, string device, long id, string objects = CompleteObjects) =>
        $$$"""
        {"schema":"opsconsole/batch-plan@1","batch_id":"{{{batchId}}}","approval_id":"APR-1","device":{"id":{{{id}}},"name":"{{{device}}}"},
         "created_at":"{{{At}}}","objects":{{{objects}}}}
        """;

    public static string Result(string batchId, string mode, string itemStatus) =>
        $$$"""
        {"schema":"opsconsole/batch-result@1","batch_id":"{{{batchId}}}","run_id":"{{{batchId}}}-r1","mode":"{{{mode}}}","operator":"ops",
         "started_at":"{{{At}}}","finished_at":"2026-05-02T06:05:00Z","outcome":"blocked",
         "items":[{"object":"tenant t1","action":"create","status":"{{{itemStatus}}}","message":""}]}
        """;

    public static string Incident(string incidentId, string severity, string status) =>
        $$$"""
        {"schema":"opsconsole/incident@1","incident_id":"{{{incidentId}}}","title":"Core link down","severity":"{{{severity}}}",
         "status":"{{{status}}}","opened_at":"{{{At}}}"}
        """;

    public static string Cycle(string cycleId, params (string Gate, string Stage, string[] Requires)[] ladder) =>
        $$$"""
        {"schema":"opsconsole/cycle@1","cycle_id":"{{{cycleId}}}","title":"Controlled operation","started_at":"{{{At}}}","status":"active",
         "ladder":[{{{string.Join(",", ladder.Select(Step))}}}]}
        """;

    private static string Step((string Gate, string Stage, string[] Requires) s) =>
        $$$"""{"gate":"{{{s.Gate}}}","title":"Title of {{{s.Gate}}}","stage":"{{{s.Stage}}}","requires":[{{{string.Join(",", s.Requires.Select(r => $"\"{r}\""))}}}]}""";

    public static string Gate(string cycleId, string gate, string status, string generatedAt = At, params (string Id, string Status, string Detail)[] checks) =>
        $$$"""
        {"schema":"opsconsole/gate@1","cycle_id":"{{{cycleId}}}","gate":"{{{gate}}}","title":"Gate {{{gate}}}","status":"{{{status}}}",
         "generated_at":"{{{generatedAt}}}","summary":"summary of {{{gate}}}",
         "checks":[{{{string.Join(",", checks.Select(Check))}}}],
         "evidence":[]}
        """;

    private static string Check((string Id, string Status, string Detail) c) =>
        $$$"""{"id":"{{{c.Id}}}","title":"Check {{{c.Id}}}","status":"{{{c.Status}}}","detail":"{{{c.Detail}}}"}""";
}

using System.Text;

namespace OpsConsole.Tests.Fixtures;

/// <summary>
/// A temporary artifact root built from JSON strings, plus a database path outside it. Shared
/// (as a linked file) by the Core and CLI test projects.
/// </summary>
internal sealed class FixtureTree : IDisposable
{
    private readonly string _base;

    private FixtureTree()
    {
        _base = Path.Combine(Path.GetTempPath(), "opsconsole-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(_base, "root");
        Directory.CreateDirectory(Root);
        DatabasePath = Path.Combine(_base, "db", "opsconsole.db");
        AuditPath = Path.Combine(_base, "audit", "opsconsole-audit.db");
    }

    /// <summary>The artifact root.</summary>
    public string Root { get; }

    /// <summary>A database path outside the root.</summary>
    public string DatabasePath { get; }

    /// <summary>The audit store path, outside the root and outside the index's folder.</summary>
    public string AuditPath { get; }

    /// <summary>An empty root.</summary>
    public static FixtureTree Empty() => new();

    /// <summary>
    /// The standard tree: the inventory (edge-01 = 101, core-02 = 202), an approval in each state (edge-01
    /// unless noted), an open critical incident on core-02, harmless incidents on edge-01, and a complete
    /// plan for the approved one.
    /// </summary>
    public static FixtureTree Standard()
    {
        var tree = new FixtureTree();
        tree.Write("devices.json", Inventory(("edge-01", 101), ("core-02", 202)));
        tree.WriteApproval(Approval("APR-P", "proposed"));
        tree.WriteApproval(Approval("APR-1", "pending"));
        tree.WriteApproval(Approval("APR-INC", "pending", device: "core-02", deviceId: 202, batch: "B-INC"));
        tree.WriteApproval(Approval("APR-OLD", "pending", expiresAt: "2020-01-01T00:00:00Z", history: Chain("pending", "2019-06-01")));
        tree.WriteApproval(Approval("APR-2", "approved", batch: "B-2"));
        tree.WriteApproval(Approval("APR-3", "rejected"));
        tree.WriteApproval(Approval("APR-4", "applied"));
        tree.WriteApproval(Approval("APR-5", "expired"));
        tree.Write("incidents/INC-9.json", Incident("INC-9", "critical", "open", "core-02", 202));
        tree.Write("incidents/INC-1.json", Incident("INC-1", "critical", "resolved", "edge-01", 101));
        tree.Write("incidents/INC-2.json", Incident("INC-2", "high", "open", "edge-01", 101));
        tree.Write("batches/plans/B-2.json", Plan("B-2", "APR-2"));
        return tree;
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) at a root-relative path, creating folders.</summary>
    public string Write(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
        return full;
    }

    /// <summary>Writes an approval into the folder its <c>state</c> names.</summary>
    public string WriteApproval((string Id, string State, string Json) approval) =>
        Write($"approvals/{approval.State}/approval-{approval.Id}.json", approval.Json);

    /// <summary>Reads a root-relative file.</summary>
    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    /// <summary>True when the root-relative file exists.</summary>
    public bool Exists(string relative) => File.Exists(Path.Combine(Root, relative));

    /// <summary>Every file under the root (dot files included) and its bytes.</summary>
    public Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(f => Path.GetRelativePath(Root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>Root-relative paths of every copy of an approval id, in any folder.</summary>
    public List<string> CopiesOf(string id) =>
        Directory.EnumerateFiles(Path.Combine(Root, "approvals"), $"approval-{id}.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    /// <summary>An approval@1 document. <paramref name="history"/> defaults to a legal chain reaching <paramref name="state"/>.</summary>
    public static (string Id, string State, string Json) Approval(string id, string state, string requestedBy = "ana",
        string device = "edge-01", long deviceId = 101, string batch = "B-1", string? expiresAt = "2099-01-01T00:00:00Z",
        string? history = null, string? stateField = null) =>
        (id, state, $$"""
        {
          "schema": "opsconsole/approval@1",
          "approval_id": "{{id}}",
          "device": { "id": {{deviceId}}, "name": "{{device}}" },
          "batch_id": "{{batch}}",
          "state": "{{stateField ?? state}}",
          "requested_by": "{{requestedBy}}",
          "requested_at": "2026-05-01T08:00:00Z",
          {{(expiresAt is null ? "" : $"\"expires_at\": \"{expiresAt}\",")}}
          "risk": { "level": "medium", "notes": "two interfaces" },
          "changes": [ { "object": "dcim.interface:eth0", "action": "update", "summary": "description" } ],
          "history": [ {{history ?? Chain(state)}} ],
          "x_future_field": { "kept": true }
        }
        """);

    /// <summary>A legal history chain reaching <paramref name="state"/>, one entry per day from <paramref name="day"/>.</summary>
    public static string Chain(string state, string day = "2026-05-01")
    {
        string[] path = state switch
        {
            "proposed" => ["proposed"],
            "pending" => ["proposed", "pending"],
            "approved" => ["proposed", "pending", "approved"],
            "rejected" => ["proposed", "pending", "rejected"],
            "applied" => ["proposed", "pending", "approved", "applied"],
            "expired" => ["proposed", "pending", "expired"],
            _ => [state],
        };
        var start = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(",\n", path.Select((to, n) => Entry(
            $"{start.AddDays(n):yyyy-MM-dd}T09:00:00Z", n == 0 ? null : path[n - 1], to, to is "approved" ? "bruno" : "ana", $"step {n}")));
    }

    /// <summary>One history entry as JSON.</summary>
    public static string Entry(string at, string? from, string to, string actor, string reason = "because") =>
        $$"""{ "at": "{{at}}", "from": {{(from is null ? "null" : $"\"{from}\"")}}, "to": "{{to}}", "actor": "{{actor}}", "reason": "{{reason}}" }""";

    /// <summary>A devices@1 inventory.</summary>
    public static string Inventory(params (string Name, long Id)[] devices) =>
        "{ \"schema\": \"opsconsole/devices@1\", \"devices\": [ "
        + string.Join(", ", devices.Select(d => $$"""{ "id": {{d.Id}}, "name": "{{d.Name}}", "site": "lab", "role": "edge", "platform": "ios" }"""))
        + " ] }";

    /// <summary>An incident@1 document.</summary>
    public static string Incident(string id, string severity, string status, string device, long deviceId) => $$"""
        {
          "schema": "opsconsole/incident@1",
          "incident_id": "{{id}}",
          "title": "link flapping",
          "severity": "{{severity}}",
          "status": "{{status}}",
          "opened_at": "2026-05-01T07:00:00Z",
          "device": { "id": {{deviceId}}, "name": "{{device}}" }
        }
        """;

    /// <summary>A batch-plan@1 document; <paramref name="objects"/> defaults to two complete objects.</summary>
    public static string Plan(string batch, string approval, string device = "edge-01", long deviceId = 101, string? objects = null) => $$"""
        {
          "schema": "opsconsole/batch-plan@1",
          "batch_id": "{{batch}}",
          "approval_id": "{{approval}}",
          "device": { "id": {{deviceId}}, "name": "{{device}}" },
          "created_at": "2026-05-03T10:00:00Z",
          "objects": [ {{objects ?? """
            { "kind": "dcim.interface", "action": "update", "lookup": { "name": "eth0" }, "staged_payload": { "description": "uplink" } },
            { "kind": "ipam.ip-address", "action": "create", "lookup": { "address": "10.0.0.1/31" }, "staged_payload": { "status": "active" } }
            """}} ]
        }
        """;

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_base, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the temp folder is cleaned by the OS eventually.
        }
    }
}

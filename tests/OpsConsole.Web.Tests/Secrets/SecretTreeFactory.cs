using System.Text.Json;
using System.Text.Json.Nodes;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Secrets;

/// <summary>
/// The basic tree with <see cref="SecretForms.Text"/> planted in every free-text field a page, export or
/// reason shows: incident title and notes, approval risk notes, change summaries and history reasons,
/// plan lookups and staged payloads, result item messages, gate summary and check details, compliance
/// divergence expected/actual, a reviewed mark's reviewer and note, engagement answers and evidence, handoff Markdown (also in forms hidden
/// by Markdown), the execution log, and an incident whose validator error echoes the bad value.
/// Written with System.Text.Json, so quotes and apostrophes are stored escaped (<c>\"</c>, <c>\u0027</c>).
/// </summary>
public sealed class SecretTreeFactory : ConsoleFactory
{
    public const string UnreadableIncident = "incidents/INC-0077.json";

    public SecretTreeFactory() : base("basic", Plant)
    {
    }

    private static void Plant(string root)
    {
        var secret = SecretForms.Text;
        Edit(root, "incidents/INC-0042.json", o =>
        {
            o["title"] = "uplink down " + secret;
            o["notes"] = secret;
            o["severity"] = "critical";
        });
        Edit(root, "incidents/INC-0042.json", UnreadableIncident, o =>
        {
            o["incident_id"] = "INC-0077";
            o["severity"] = secret;
        });
        Edit(root, "approvals/pending/approval-APR-2026-0110.json", o =>
        {
            o["risk"]!["notes"] = secret;
            o["changes"]![0]!["summary"] = secret;
            foreach (var entry in o["history"]!.AsArray())
            {
                entry!["reason"] = secret;
            }
        });
        Edit(root, "batches/plans/BATCH-0111.json", o =>
        {
            o["objects"]![0]!["lookup"]!["name"] = secret;
            o["objects"]![0]!["staged_payload"]!["description"] = secret;
        });
        Edit(root, "batches/results/BATCH-0111-run1.json", o => o["items"]![0]!["message"] = secret);
        Edit(root, "operations/cycle-002/start-gate.json", o =>
        {
            o["summary"] = secret;
            o["checks"]![0]!["detail"] = secret;
        });
        Edit(root, "compliance/2026-11-21/4WNET-MNS-KTG-RX.json", o =>
        {
            o["divergences"]![0]!["expected"] = secret;
            o["divergences"]![0]!["actual"] = secret;
        });

        // A reviewed mark whose reviewer and note carry the secret: the dashboard shows the reviewer, masked.
        File.WriteAllText(Path.Combine(root, "compliance/2026-11-21.review.json"), new JsonObject
        {
            ["schema"] = "opsconsole/compliance-review@1",
            ["date"] = "2026-11-21",
            ["reviewed_by"] = "ana.souza " + secret,
            ["reviewed_at"] = "2026-11-21T13:00:00Z",
            ["note"] = secret,
            ["reports"] = 3,
            ["divergent"] = 1,
            ["unreadable"] = 0,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        static string Cell(string v) => "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        File.WriteAllText(Path.Combine(root, "engagement/4WNET-MNS-KTG-RX/responses.csv"),
            "item_id,device,field,value,evidence,responded_by,responded_at\r\n"
            + string.Join(",", "tenant", "4WNET-MNS-KTG-RX", "tenant", Cell("acme " + secret), Cell(secret), "ana.souza", "2026-11-22T10:00:00-03:00") + "\r\n");

        File.AppendAllText(Path.Combine(root, "handoff/noc-handoff.md"),
            $"\n\n## Access\n\nNETBOX_WRITE_TOKEN\\={SecretForms.WriteToken}\n\nAuthorization: **Bearer** {SecretForms.Jwt}\n\n{secret.Replace("\n", "\n\n", StringComparison.Ordinal)}\n");
        File.AppendAllText(Path.Combine(root, "executions/week1-real-run.log"), "\n" + secret + "\n");
    }

    private static void Edit(string root, string path, Action<JsonObject> edit) => Edit(root, path, path, edit);

    private static void Edit(string root, string from, string to, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(root, from)))!.AsObject();
        edit(node);
        File.WriteAllText(Path.Combine(root, to), node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}

using System.Text;
using System.Text.Json.Nodes;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Demo;

/// <summary>
/// Execution logs and the final validation report: the real Week 1 run (three applied batches) and
/// the Cycle-002 real-write attempt that stopped in preflight. Logs never contain token values.
/// </summary>
internal static class DemoExecutions
{
    private static readonly string[] AppliedApprovals = ["APR-2026-0101", "APR-2026-0102", "APR-2026-0103"];

    public const string Week1Log = "executions/week1-real-run.log";
    public const string Week1Validation = "executions/week1-final-validation.json";
    public const string AttemptLog = "executions/cycle-002-real-write-attempt.log";

    public static void Write(DemoWorld world, DemoWriter writer)
    {
        writer.Text(Week1Log, Week1(world), "execution-log");
        writer.Text(AttemptLog, Attempt(world), "execution-log");
        WriteValidation(world, writer);
    }

    private static string Week1(DemoWorld world)
    {
        var c = world.Clock;
        var log = new LogBuilder();
        var batches = new[] { ("APR-2026-0101", 15, 22, 16, 48), ("APR-2026-0102", 15, 22, 27, 95), ("APR-2026-0103", 14, 21, 47, 41) };
        log.Line(c.At(15, 22, 10, 2), "INFO", "session", "week1 real run opened by rafael.nogueira on noc-mns-01 (change window CHG-4502, 22:00-00:00)");
        log.Line(c.At(15, 22, 10, 3), "INFO", "preflight", "NETBOX_WRITE_TOKEN present in environment (value not logged, length check only)");
        log.Line(c.At(15, 22, 10, 4), "INFO", "preflight", "target https://netbox.k3g.net.br/api/ reachable, write route enabled for this package");
        log.Line(c.At(15, 22, 10, 5), "INFO", "preflight", "open critical incidents: 0; contradictions in latest compliance reports: 0");
        foreach (var (id, day, hour, minute, seconds) in batches)
        {
            var a = world.Approval(id);
            var start = c.At(day, hour, minute, 3);
            if (day == 14)
            {
                log.Line(start.AddMinutes(-3), "INFO", "session", "week1 real run resumed (second night of the window)");
            }

            log.Line(start.AddSeconds(-2), "INFO", a.BatchId, $"approval {a.Id} state=approved, expires {DemoClock.Iso(a.ExpiresAt)}; device {a.Device.Name} id {a.Device.Id} matches inventory and plan");
            log.Line(start.AddSeconds(-1), "INFO", a.BatchId, $"plan {DemoBatches.PlanPath(a)}: {a.Changes.Count} change(s), all staged payloads complete");
            log.Line(start, "INFO", a.BatchId, "real run real-01 started (all-or-none)");
            foreach (var change in a.Changes.OrderBy(ch => ch.Action == "create" ? 0 : 1))
            {
                log.Line(start.AddSeconds(seconds / 2.0), "INFO", a.BatchId,
                    change.Action == "create" ? $"POST {change.Object} {change.Value} -> 201 Created" : $"PATCH dcim.device {a.Device.Id} {change.Field} -> 200 OK");
            }

            log.Line(start.AddSeconds(seconds), "INFO", a.BatchId, $"real run real-01 succeeded in {seconds}s; approval {a.Id} moved approved -> applied");
        }

        log.Line(c.At(14, 22, 5, 40), "INFO", "verify", "post-run compliance check on 3 devices: 3 compliant for the applied fields");
        log.Line(c.At(14, 22, 6, 2), "WARN", "verify", $"{world.Devices[24].Name}: incident INC-2026-0221 can be resolved (serial now present)");
        log.Line(c.At(14, 22, 6, 10), "INFO", "session", $"week1 real run closed: 3 batches, 0 failed, 0 objects already existing; report {Week1Validation}");
        return log.ToString();
    }

    private static string Attempt(DemoWorld world)
    {
        var c = world.Clock;
        var a = world.Approval("APR-2026-0107");
        var log = new LogBuilder();
        log.Line(c.At(1, 9, 40, 51), "INFO", "session", $"cycle-002 real-write attempt opened by rafael.nogueira for {a.BatchId} ({a.Device.Name}, id {a.Device.Id})");
        log.Line(c.At(1, 9, 40, 52), "INFO", "preflight", $"approval {a.Id} state=approved, approver marcos.azevedo, requester ana.ribeiro");
        log.Line(c.At(1, 9, 40, 53), "INFO", "preflight", $"plan {DemoBatches.PlanPath(a)}: staged payloads complete; dry-run dryrun-01 succeeded");
        log.Line(c.At(1, 9, 40, 54), "INFO", "preflight", "freeze gate passed; no open critical incident (INC-2026-0231 is mitigated)");
        log.Line(c.At(1, 9, 41, 3), "ERROR", "preflight", "NETBOX_WRITE_TOKEN not present in environment");
        log.Line(c.At(1, 9, 41, 4), "ERROR", "preflight", "execution package target is the read-only mirror https://netbox-ro.k3g.net.br/api/; no write route");
        log.Line(c.At(1, 9, 41, 5), "WARN", a.BatchId, $"real run real-01 blocked: {DemoBatches.BlockedReason}");
        log.Line(c.At(1, 9, 41, 5), "INFO", "session", "no request was sent upstream; approval stays approved; next step is a new authorization with a token issued by the approver");
        return log.ToString();
    }

    private static void WriteValidation(DemoWorld world, DemoWriter writer)
    {
        var applied = AppliedApprovals.Select(world.Approval).ToList();
        var report = new ExecutionReport
        {
            Schema = "opsconsole/execution-report@1",
            Status = "passed",
            GeneratedAt = world.Clock.At(14, 22, 30),
            Summary = "Week 1 real run: 3 batches applied, 0 failed, 0 objects already existing; post-run compliance confirms the applied fields.",
        };
        writer.JsonWithExtras(Week1Validation, report, "execution-report", json =>
        {
            json["cycle_id"] = "cycle-001";
            json["operator"] = DemoWorld.People.Operator;
            json["log"] = Week1Log;
            var batches = new JsonArray();
            foreach (var a in applied)
            {
                batches.Add(new JsonObject
                {
                    ["batch_id"] = a.BatchId,
                    ["approval_id"] = a.Id,
                    ["device"] = new JsonObject { ["id"] = a.Device.Id, ["name"] = a.Device.Name },
                    ["run_id"] = "real-01",
                    ["outcome"] = "succeeded",
                    ["result"] = DemoBatches.ResultPath(a, "real-01"),
                });
            }

            json["batches"] = batches;
            json["checks"] = new JsonArray(
                Check("approvals-applied", "pass", "3 of 3 approvals moved approved to applied"),
                Check("no-existing-objects", "pass", "no real-run item reported exists"),
                Check("device-ids-consistent", "pass", "device ids match inventory, approvals and plans"),
                Check("post-run-compliance", "pass", "applied fields no longer diverge in the next compliance run"),
                Check("incident-follow-up", "warn", "INC-2026-0221 to be resolved by the NOC"));
        });
    }

    private static JsonObject Check(string id, string status, string detail) =>
        new() { ["id"] = id, ["status"] = status, ["detail"] = detail };

    private sealed class LogBuilder
    {
        private readonly StringBuilder _text = new();
        private int _sequence;

        public void Line(DateTimeOffset at, string level, string scope, string message) =>
            _text.Append(DemoClock.Log(at.AddMilliseconds(++_sequence * 37 % 1000)))
                .Append(' ').Append(level.PadRight(5)).Append(" [").Append(scope).Append("] ").Append(message).Append('\n');

        public override string ToString() => _text.ToString();
    }
}

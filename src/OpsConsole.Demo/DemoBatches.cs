using System.Text.Json.Nodes;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Demo;

/// <summary>
/// Apply plans for approved and applied approvals (every staged payload complete) and their runs:
/// dry-runs first, real runs only for applied approvals, and the one real run of Cycle-002 that
/// preflight refused because no write token existed.
/// </summary>
internal static class DemoBatches
{
    public const string BlockedReason = "NETBOX_WRITE_TOKEN not present in environment; real write refused in preflight";

    private sealed record Run(string RunId, string Mode, int DaysBefore, int Hour, int Minute, int Seconds, string Outcome, string? FailedItem = null);

    /// <summary>Runs per approval, oldest first. APR-2026-0103 needed a second dry-run after a bad tenant lookup.</summary>
    private static readonly Dictionary<string, (int PlanDay, int PlanHour, int PlanMinute, Run[] Runs)> Schedule = new(StringComparer.Ordinal)
    {
        ["APR-2026-0101"] = (16, 10, 0, [new("dryrun-01", "dry-run", 16, 10, 15, 21, "succeeded"), new("real-01", "real", 15, 22, 16, 48, "succeeded")]),
        ["APR-2026-0102"] = (16, 10, 20, [new("dryrun-01", "dry-run", 16, 10, 30, 33, "succeeded"), new("real-01", "real", 15, 22, 27, 95, "succeeded")]),
        ["APR-2026-0103"] = (15, 9, 30,
        [
            new("dryrun-01", "dry-run", 16, 11, 0, 12, "failed", "tenant slug k3g-backbone-mgmt not found upstream; the plan must reference an existing tenant"),
            new("dryrun-02", "dry-run", 15, 9, 40, 19, "succeeded"),
            new("real-01", "real", 14, 21, 47, 41, "succeeded"),
        ]),
        ["APR-2026-0107"] = (4, 9, 40, [new("dryrun-01", "dry-run", 4, 9, 52, 18, "succeeded"), new("real-01", "real", 1, 9, 41, 2, "blocked")]),
        ["APR-2026-0108"] = (4, 9, 42, [new("dryrun-01", "dry-run", 4, 9, 55, 16, "succeeded")]),
    };

    public static string PlanPath(DemoApproval a) => $"batches/plans/{a.BatchId}.json";

    public static string ResultPath(DemoApproval a, string runId) => $"batches/results/{a.BatchId}-{runId}.json";

    /// <summary>Approvals that have a plan, with their run ids.</summary>
    public static IEnumerable<(DemoApproval Approval, IEnumerable<string> RunIds)> Planned(DemoWorld world) =>
        world.Approvals.Where(a => Schedule.ContainsKey(a.Id)).Select(a => (a, Schedule[a.Id].Runs.Select(r => r.RunId)));

    public static void Write(DemoWorld world, DemoWriter writer)
    {
        foreach (var (approval, _) in Planned(world))
        {
            var (planDay, planHour, planMinute, runs) = Schedule[approval.Id];
            var objects = Objects(approval);
            writer.Json(PlanPath(approval), new BatchPlan
            {
                Schema = "opsconsole/batch-plan@1",
                BatchId = approval.BatchId,
                ApprovalId = approval.Id,
                Device = approval.Device.Ref,
                CreatedAt = world.Clock.At(planDay, planHour, planMinute),
                Objects = objects,
            }, "batch-plan");

            foreach (var run in runs)
            {
                var started = world.Clock.At(run.DaysBefore, run.Hour, run.Minute, 3);
                writer.Json(ResultPath(approval, run.RunId), new BatchResult
                {
                    Schema = "opsconsole/batch-result@1",
                    BatchId = approval.BatchId,
                    RunId = run.RunId,
                    Mode = run.Mode,
                    Operator = DemoWorld.People.Operator,
                    StartedAt = started,
                    FinishedAt = started.AddSeconds(run.Seconds),
                    Outcome = run.Outcome,
                    BlockedReason = run.Outcome == "blocked" ? BlockedReason : null,
                    Items = [.. objects.Select(o => Item(approval, o, run))],
                }, "batch-result");
            }
        }
    }

    private static BatchResultItem Item(DemoApproval approval, PlanObject o, Run run)
    {
        var name = o.Kind == "dcim.device" ? $"dcim.device {approval.Device.Name} (id {approval.Device.Id})" : $"{o.Kind} {approval.Device.PrimaryIp4}";
        var fields = string.Join(", ", o.StagedPayload!.Keys);
        var (status, message) = (run.Outcome, run.Mode, o.Action) switch
        {
            ("blocked", _, _) => ("skipped", "not attempted: preflight refused the real write"),
            ("failed", _, _) when run.FailedItem is not null && o.Kind == "dcim.device" => ("failed", run.FailedItem),
            ("failed", _, _) => ("skipped", "not evaluated after an earlier failure"),
            (_, "dry-run", "create") => ("would-create", $"lookup found no object; would create with {fields}"),
            (_, "dry-run", _) => ("would-update", $"would update {fields}"),
            (_, _, "create") => ("created", $"created with {fields} (HTTP 201)"),
            _ => ("updated", $"updated {fields} (HTTP 200)"),
        };
        return new BatchResultItem { Object = name, Action = o.Action, Status = status, Message = message };
    }

    /// <summary>Creates first (the device update may point at them), then one update of the device.</summary>
    private static List<PlanObject> Objects(DemoApproval approval)
    {
        var device = approval.Device;
        var objects = approval.Changes.Where(c => c.Action == "create").Select(c => new PlanObject
        {
            Kind = c.Object,
            Action = "create",
            Lookup = new() { ["address"] = DemoWriter.Value(c.Value) },
            StagedPayload = new()
            {
                ["address"] = DemoWriter.Value(c.Value),
                ["status"] = DemoWriter.Value("active"),
                ["role"] = DemoWriter.Value("loopback"),
                ["dns_name"] = DemoWriter.Value($"{device.Name.ToLowerInvariant()}.mgmt.k3g.net.br"),
                ["description"] = DemoWriter.Value($"management address of {device.Name}"),
            },
        }).ToList();

        var payload = new Dictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal);
        var customFields = new JsonObject();
        foreach (var change in approval.Changes.Where(c => c.Object == "dcim.device"))
        {
            switch (change.Field)
            {
                case var f when f.StartsWith("custom_fields.", StringComparison.Ordinal):
                    customFields[f["custom_fields.".Length..]] = change.Value;
                    break;
                case "tenant" or "site" or "platform":
                    payload[change.Field] = DemoWriter.Value(new JsonObject { ["slug"] = change.Value.ToLowerInvariant() });
                    break;
                case "primary_ip4":
                    payload[change.Field] = DemoWriter.Value(new JsonObject { ["address"] = change.Value });
                    break;
                default:
                    payload[change.Field] = DemoWriter.Value(change.Value);
                    break;
            }
        }

        if (customFields.Count > 0)
        {
            payload["custom_fields"] = DemoWriter.Value(customFields);
        }

        objects.Add(new PlanObject
        {
            Kind = "dcim.device",
            Action = "update",
            Lookup = new() { ["id"] = DemoWriter.Value(device.Id), ["name"] = DemoWriter.Value(device.Name) },
            StagedPayload = payload,
        });
        return objects;
    }
}

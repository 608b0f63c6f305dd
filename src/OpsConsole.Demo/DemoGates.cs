namespace OpsConsole.Demo;

/// <summary>A check of a planned gate.</summary>
internal sealed record DemoCheck(string Id, string Title, string Status, string Detail);

/// <summary>A gate of the Cycle-002 ladder, as planned: where it sits, when it ran, what it proved.</summary>
internal sealed record DemoGate(
    string Id, string Title, string Stage, string[] Requires, DateTimeOffset GeneratedAt, string? Mode,
    string Status, string Summary, string[] Evidence, DemoCheck[] Checks);

/// <summary>
/// The reference Cycle-002 ladder (ARTIFACTS.md), 25 gates in order. Everything passed up to the
/// freeze; the real-write attempt was blocked in preflight (no write token, read-only target).
/// </summary>
internal static class DemoGates
{
    public const string CycleId = "cycle-002";

    public static string GatePath(string gate) => $"operations/{CycleId}/{gate}.json";

    public static List<DemoGate> Plan(DemoWorld w)
    {
        var c = w.Clock;
        var d0 = w.Devices[0];
        var d1 = w.Devices[1];
        var eng = w.EngagementDevices;
        var pkg = eng.Select(d => $"{DemoEngagement.Folder(d)}/package.json").ToArray();
        var responses = $"{DemoEngagement.Folder(d0)}/responses.csv";
        var validation = $"{DemoEngagement.Folder(d0)}/validation.json";
        var a7 = w.Approval("APR-2026-0107");
        var a8 = w.Approval("APR-2026-0108");
        var plans = new[] { DemoBatches.PlanPath(a7), DemoBatches.PlanPath(a8) };
        var dryruns = new[] { DemoBatches.ResultPath(a7, "dryrun-01"), DemoBatches.ResultPath(a8, "dryrun-01") };
        string Report(int daysBefore, DemoDevice d) => DemoWorld.ReportPath(w.ReportDay(daysBefore), d);
        static DemoCheck P(string id, string title, string detail) => new(id, title, "pass", detail);
        static DemoCheck Warn(string id, string title, string detail) => new(id, title, "warn", detail);
        static DemoCheck Skip(string id, string title, string detail) => new(id, title, "skip", detail);

        var gates = new List<DemoGate>();
        void G(string id, string title, string stage, int day, int h, int m, string? mode, string summary, string[] evidence, params DemoCheck[] checks)
        {
            var requires = gates.Count == 0 ? [] : new[] { gates[^1].Id };
            gates.Add(new DemoGate(id, title, stage, requires, c.At(day, h, m), mode, "passed", summary, evidence, checks));
        }

        G("start-gate", "Cycle-002 start gate", "start", 12, 9, 10, "read-only",
            "Scope fixed at 3 devices for enrichment; Week 1 of cycle-001 closed with its final validation passed.",
            ["devices.json", DemoExecutions.Week1Validation, $"operations/{CycleId}/cycle.json"],
            P("previous-cycle-closed", "Previous cycle closed", "cycle-001 final validation status passed"),
            P("inventory-readable", "Inventory readable", $"{w.Devices.Count} devices, ids unique"),
            P("scope-devices-in-inventory", "Scope devices in inventory", string.Join(", ", eng.Select(d => $"{d.Name} ({d.Id})"))));
        G("week1-activation", "Week 1 activation", "week1", 12, 10, 40, "read-only",
            "Engagement packages sent to the three service teams.", pkg,
            P("packages-present", "Packages present", "3 of 3 packages written"),
            P("due-dates-set", "Due dates set", "every package has due_at and a contact"));
        G("week1-preparation", "Week 1 preparation", "week1", 12, 15, 45, "read-only",
            "Pending items cross-checked with the latest compliance reports.", [.. pkg, Report(12, d0)],
            P("items-match-divergences", "Items match divergences", $"{d0.Name}: criticality and service_type diverge, both asked"),
            Warn("optional-items", "Optional items", "maintenance_window is optional; answers will not block validation"));
        G("week1-intake", "Week 1 response intake", "week1", 11, 10, 20, "read-only",
            "4WNET answered all items; ParaNet and K3G Access not yet (due later).", [responses, pkg[1], pkg[2]],
            P("responses-header", "responses.csv header", "header matches the contract exactly"),
            P("required-answered", "Required items answered", $"{d0.Name}: 3 of 3 required items answered"),
            Warn("teams-pending", "Teams still pending", $"{eng[1].Name} and {eng[2].Name} have no responses yet"));
        G("week1-validation", "Week 1 local validation", "week1", 11, 16, 5, "read-only",
            "Local validation of the 4WNET responses passed.", [validation, responses],
            P("validation-passed", "Validation passed", "4 of 4 items ok"),
            P("superseded-answer", "Superseded answers", "criticality answered twice; the later row (high) is used"));
        G("week1-response-seed", "Week 1 response seed", "week1", 10, 10, 40, "read-only",
            "Validated answers seeded into the Week 2 review board as proposed values.", [responses, validation],
            P("seed-from-latest", "Seed uses latest answers", "3 proposed values taken from the latest rows"),
            Skip("teams-without-answers", "Teams without answers", "nothing to seed for the two pending teams"));
        G("week1-revalidation", "Week 1 re-validation", "week1", 10, 14, 15, "read-only",
            "Re-validation after seeding still passes; values unchanged.", [validation, Report(10, d0)],
            P("revalidation", "Re-validation", "same result as week1-validation"),
            P("device-id", "Device id consistent", $"{d0.Name} is id {d0.Id} in inventory, report and package"));
        G("week2-preparation", "Week 2 preparation", "week2", 9, 9, 30, "read-only",
            "Week 2 board prepared locally after validation passed.", [DemoExecutions.Week1Validation, DemoExecutions.Week1Log, GatePath("week1-revalidation")],
            P("validation-gate", "Validation gate passed", "week1-revalidation passed"),
            P("no-token-in-files", "No token in files", "secret scan of the artifact root found nothing"));
        G("week2-review", "Week 2 human review", "week2", 8, 15, 0, "read-only",
            "Human review of proposed changes for the TX and RX routers of the MNS-KTG link.", [Report(8, d0), Report(8, d1)],
            P("reviewed-by-human", "Reviewed by a person", "carla.menezes reviewed 2 devices, 3 fields"),
            P("reports-coherent", "Reports coherent", "no contradiction in the reports of the devices in scope"));
        G("week2-proposed-approvals", "Week 2 proposed approvals", "week2", 8, 17, 40, "read-only",
            "Two approval records proposed from the reviewed changes.", [a7.Path, a8.Path],
            P("records-created", "Records created", $"{a7.Id} and {a8.Id} in state proposed"),
            P("batch-ids", "Batch ids", $"{a7.BatchId}, {a8.BatchId}"));
        G("week2-readiness-gate", "Week 2 readiness gate", "week2", 7, 10, 10, "read-only",
            "Both approvals submitted; no stop condition in scope.", [a7.Path, a8.Path, "incidents/INC-2026-0219.json"],
            P("submitted", "Submitted for decision", "both records moved proposed to pending"),
            P("no-open-critical", "No open critical incident", "INC-2026-0219 (critical) resolved"),
            P("requester-not-approver", "Requester is not approver", "requester ana.ribeiro; approvers marcos.azevedo, juliana.prado"));
        G("week2-test-decision-seed", "Week 2 test decision seed", "week2", 7, 11, 45, "read-only",
            "Decision path exercised on a scratch copy; real records untouched.", [a7.Path, a8.Path],
            P("decision-on-copy", "Decision on a copy", "approve and reject exercised on copies outside the artifact root"),
            P("records-untouched", "Real records untouched", "both records still pending after the test"));
        G("week2-manual-approval-ready", "Week 2 manual approval ready", "week2", 6, 9, 20, "read-only",
            "Approvers notified; records ready for manual decision on the command line.", [a7.Path, a8.Path],
            P("approvers-notified", "Approvers notified", "marcos.azevedo and juliana.prado"),
            P("expiry", "Expiry", $"both expire on {DemoClock.Iso(a7.ExpiresAt)}"));
        G("manual-review", "Manual approval review", "approvals", 5, 16, 30, "read-only",
            "Both approvals decided by approvers on the command line.", [a7.Path, a8.Path, validation],
            P("approved", "Approved", $"{a7.Id} by marcos.azevedo, {a8.Id} by juliana.prado"),
            P("history-valid", "History valid", "proposed, pending, approved; all transitions allowed"));
        gates[^1] = gates[^1] with { Requires = ["week2-manual-approval-ready", "week2-proposed-approvals"] };
        G("applyplan-dryrun", "ApplyPlan dry-run", "applyplan", 4, 10, 5, "dry-run",
            "Plans generated and dry-run against NetBox without writes.", [.. plans, .. dryruns],
            P("plans-generated", "Plans generated", "2 plans, 2 objects"),
            P("dry-run-outcome", "Dry-run outcome", "both runs succeeded with would-update only"));
        G("applyplan-validation", "ApplyPlan validation", "applyplan", 4, 11, 30, "dry-run",
            "Plans validated: payloads complete, device ids consistent.", plans,
            P("payload-complete", "Staged payloads complete", "every object has a non-empty staged_payload"),
            P("device-id", "Device ids consistent", $"{d0.Id} and {d1.Id} match inventory and approvals"));
        gates[^1] = gates[^1] with { GeneratedAt = DemoClock.Utc(gates[^1].GeneratedAt) };
        G("dryrun-gate", "Dry-run execution gate", "applyplan", 4, 15, 10, "dry-run",
            "Dry-run results reviewed; nothing already exists upstream.", dryruns,
            P("no-exists", "No existing objects", "no item reported exists"),
            P("operator", "Operator recorded", "rafael.nogueira"));
        G("simulation", "Execution simulation", "applyplan", 3, 10, 20, "simulation",
            "Simulated the real run against a copy of the plans; rollback rehearsed.", [.. plans, GatePath("dryrun-gate")],
            P("simulated", "Simulated run", "2 updates simulated, 0 errors"),
            P("rollback", "Rollback rehearsed", "previous values captured for both devices"));
        gates[^1] = gates[^1] with { GeneratedAt = DemoClock.Utc(gates[^1].GeneratedAt) };
        G("real-write-readiness", "Real-write readiness", "real-write", 3, 14, 0, "read-only",
            "Ready for a real write, with one warning about a mitigated critical incident.", [a7.Path, "incidents/INC-2026-0231.json", GatePath("simulation")],
            P("approval-valid", "Approval valid", $"{a7.Id} approved, not expired"),
            Warn("critical-mitigated", "Critical incident mitigated", "INC-2026-0231 is mitigated, not resolved; it does not involve the devices in scope"));
        gates[^1] = gates[^1] with { Requires = ["simulation", "dryrun-gate"] };
        G("real-write-authorization", "Real-write authorization", "real-write", 2, 10, 0, "read-only",
            $"Real write authorized for {a7.BatchId} only; {a8.BatchId} waits for the next window.", [a7.Path, DemoBatches.PlanPath(a7)],
            P("authorized-by", "Authorized by approver", "marcos.azevedo, change CHG-4630"),
            Skip("second-batch", "Second batch", $"{a8.BatchId} not authorized in this window"));
        G("real-write-preflight", "Real-write preflight (read-only)", "real-write", 2, 11, 15, "read-only",
            "Read-only preflight of the package; secrets are checked only at execution time.", [DemoBatches.PlanPath(a7), DemoBatches.ResultPath(a7, "dryrun-01")],
            P("plan-unchanged", "Plan unchanged since dry-run", "same objects and payload as dryrun-01"),
            Skip("token-check", "Write token", "never read by a gate; checked by the runner at execution time"));
        G("real-write-package", "Real-write execution package", "real-write", 2, 15, 30, "read-only",
            "Execution package assembled: plan, approval, operator, window.", [DemoBatches.PlanPath(a7), a7.Path],
            P("package-complete", "Package complete", "plan, approval, operator and window present"),
            P("window", "Change window", "tomorrow 09:30-11:00"));
        G("real-write-freeze", "Real-write freeze", "real-write", 2, 18, 0, "read-only",
            "Package frozen; no change to plan or approval after this point.", [DemoBatches.PlanPath(a7), GatePath("real-write-package")],
            P("frozen", "Package frozen", "plan hash recorded"),
            P("no-open-critical", "No open critical incident", "none open"));

        var attempt = c.At(1, 9, 45);
        gates.Add(new DemoGate("real-write-attempt", "Real-write execution attempt", "real-write", ["real-write-freeze"], attempt, null, "blocked",
            "Blocked safely in preflight: no NETBOX_WRITE_TOKEN existed and the package target was not executable. Nothing was written.",
            [DemoBatches.ResultPath(a7, "real-01"), DemoExecutions.AttemptLog, a7.Path],
            [
                P("approval-still-approved", "Approval still approved", $"{a7.Id} approved, not expired"),
                P("payload-complete", "Staged payload complete", "1 object, complete"),
                new("write-token-present", "write token present", "fail", "no NETBOX_WRITE_TOKEN existed in the execution environment; the runner stopped before any request"),
                new("target-endpoint-executable", "target endpoint executable", "fail", "the package points at the read-only mirror netbox-ro.k3g.net.br, which has no write route"),
            ]));
        return gates;
    }
}

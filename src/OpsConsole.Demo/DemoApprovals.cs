using OpsConsole.Core.Artifacts;
using P = OpsConsole.Demo.DemoWorld.People;

namespace OpsConsole.Demo;

/// <summary>One field an approval changes upstream (and a batch plan stages).</summary>
internal sealed record DemoChange(string Object, string Action, string Field, string Value);

/// <summary>An approval of the scenario; its state is the last history entry.</summary>
internal sealed record DemoApproval(
    string Id, DemoDevice Device, string Risk, string RiskNotes, IReadOnlyList<DemoChange> Changes,
    IReadOnlyList<ApprovalHistoryEntry> History)
{
    public string State => History[^1].To;

    public string BatchId => "BATCH-" + Id["APR-".Length..];

    public DateTimeOffset RequestedAt => History[0].At;

    public DateTimeOffset ExpiresAt => RequestedAt.AddDays(14);

    public string Path => $"approvals/{State}/approval-{Id}.json";
}

/// <summary>
/// Approvals in all six states. Every history follows the allowed transitions
/// (proposed→pending→approved→applied, pending→rejected|expired, approved→expired) and nobody
/// approves their own request.
/// </summary>
internal static class DemoApprovals
{
    private sealed record Step(string To, int DaysBefore, int Hour, int Minute, string Actor, string Reason);

    public static List<DemoApproval> Plan(DemoWorld world)
    {
        var d = world.Devices;
        var c = world.Clock;
        DemoApproval A(string id, int device, string risk, string notes, Step[] steps, params DemoChange[] extra)
        {
            var dev = d[device];
            var changes = dev.Chronic.Select(ch => new DemoChange("dcim.device", "update", ch.Field, DemoDivergences.Expected(dev, ch.Field)))
                .Concat(extra).ToList();
            string? from = null;
            var history = new List<ApprovalHistoryEntry>();
            foreach (var s in steps)
            {
                history.Add(new ApprovalHistoryEntry { At = c.At(s.DaysBefore, s.Hour, s.Minute), From = from, To = s.To, Actor = s.Actor, Reason = s.Reason });
                from = s.To;
            }

            return new DemoApproval(id, dev, risk, notes, changes, history);
        }

        static Step Proposed(int day, int h, int m, string who, string why) => new("proposed", day, h, m, who, why);
        static Step Pending(int day, int h, int m, string who) => new("pending", day, h, m, who, "Submitted for approver decision");

        return
        [
            A("APR-2026-0101", 9, "medium", "Platform slug change re-selects config templates; no traffic impact.",
            [
                Proposed(21, 10, 12, P.Carla, "Compliance drift: platform still on the pre-upgrade slug"),
                Pending(21, 10, 40, P.Carla),
                new("approved", 18, 14, 5, P.Marcos, "Upgrade change CHG-4471 closed; slug matches the running image"),
                new("applied", 15, 22, 18, P.Operator, "Batch BATCH-2026-0101 real run real-01 succeeded"),
            ]),
            A("APR-2026-0102", 8, "high", "Primary IP change moves the monitoring target; SNMP polling is reconfigured in the same window.",
            [
                Proposed(20, 9, 30, P.Ana, "OLT registered without tenant and with the staging management address"),
                Pending(20, 9, 55, P.Ana),
                new("approved", 17, 11, 20, P.Juliana, "Tenant confirmed by FibraNorte contract; address checked against IPAM"),
                new("applied", 15, 22, 31, P.Operator, "Batch BATCH-2026-0102 real run real-01 succeeded"),
            ], new DemoChange("ipam.ip_address", "create", "address", d[8].PrimaryIp4)),
            A("APR-2026-0103", 24, "low", "Management switch; metadata only.",
            [
                Proposed(19, 15, 5, P.Bruno, "Tenant and serial missing since the switch was racked"),
                Pending(19, 15, 20, P.Bruno),
                new("approved", 17, 16, 45, P.Marcos, "Serial read from the chassis label photo; tenant is backbone management"),
                new("applied", 14, 21, 50, P.Operator, "Batch BATCH-2026-0103 real run real-01 succeeded after dry-run fix"),
            ]),
            A("APR-2026-0104", 15, "medium", "Tenant decides billing and alarm routing for 3 PON cards.",
            [
                Proposed(19, 8, 40, P.Diego, "OLT has no tenant and no criticality"),
                Pending(18, 9, 0, P.Diego),
                new("rejected", 16, 10, 25, P.Juliana, "Tenant not confirmed by the access team and no contract evidence attached; re-submit after engagement"),
            ]),
            A("APR-2026-0105", 13, "low", "Custom field only.",
            [
                Proposed(28, 10, 0, P.Carla, "service_type empty on the datacenter firewall"),
                Pending(27, 9, 15, P.Carla),
                new("approved", 26, 17, 0, P.Marcos, "Value agreed with the security team"),
                new("expired", 13, 8, 0, P.ExpiryJob, "Approval window of 14 days closed before the batch was scheduled"),
            ]),
            A("APR-2026-0106", 20, "medium", "Platform change re-selects firmware compliance rules.",
            [
                Proposed(25, 14, 0, P.Bruno, "Firewall still recorded with the previous FortiOS major"),
                Pending(24, 9, 30, P.Bruno),
                new("expired", 10, 8, 0, P.ExpiryJob, "No decision within 14 days"),
            ]),
            A("APR-2026-0107", 0, "medium", "Fills criticality and service_type from the validated 4WNET responses; alarm priority of the device rises.",
            [
                Proposed(8, 17, 5, P.Ana, "Cycle-002 Week 2: proposed from validated engagement responses"),
                Pending(7, 9, 10, P.Ana),
                new("approved", 5, 15, 50, P.Marcos, "Responses validated (engagement/4WNET-MNS-KTG-RX/validation.json passed); evidence cites the 4WNET contract"),
            ]),
            A("APR-2026-0108", 1, "high", "Status change from planned to active turns on alarm routing and SLA reporting for the TX side of the link.",
            [
                Proposed(8, 17, 20, P.Ana, "Cycle-002 Week 2: TX router in service since the link turn-up but still planned"),
                Pending(7, 9, 12, P.Ana),
                new("approved", 5, 16, 10, P.Juliana, "Turn-up report TU-MNS-KTG-0042 confirms traffic since last month"),
            ]),
            A("APR-2026-0109", 21, "low", "Custom field only; no alarm routing change.",
            [
                Proposed(10, 11, 0, P.Diego, "service_type empty on the ParaNet OLT"),
                Pending(9, 9, 5, P.Diego),
            ]),
            A("APR-2026-0110", 5, "high", "Management address change; monitoring must be re-pointed in the same window.",
            [
                Proposed(3, 16, 30, P.Bruno, "primary_ip4 differs from IPAM allocation"),
                Pending(2, 10, 0, P.Bruno),
            ]),
            A("APR-2026-0111", 19, "high", "Restores the management address after the RMA; linked to INC-2026-0233.",
            [
                Proposed(2, 14, 10, P.Ana, "primary_ip4 drift after RMA (INC-2026-0233)"),
                Pending(1, 9, 40, P.Ana),
            ]),
            A("APR-2026-0112", 16, "critical", "Moving a core router between sites re-parents its interfaces, circuits and cables.",
            [
                Proposed(1, 15, 25, P.Carla, "Core router recorded at the wrong site since the BEL migration"),
            ]),
            A("APR-2026-0113", 11, "low", "Custom field only.",
            [
                Proposed(0, 8, 10, P.Diego, "criticality recorded as low on a distribution switch"),
            ]),
        ];
    }

    public static void Write(DemoWorld world, DemoWriter writer)
    {
        foreach (var a in world.Approvals)
        {
            writer.Json(a.Path, new ApprovalRecord
            {
                Schema = "opsconsole/approval@1",
                ApprovalId = a.Id,
                Device = a.Device.Ref,
                BatchId = a.BatchId,
                State = a.State,
                RequestedBy = a.History[0].Actor,
                RequestedAt = a.RequestedAt,
                ExpiresAt = a.ExpiresAt,
                Risk = new RiskAssessment { Level = a.Risk, Notes = a.RiskNotes },
                Changes = [.. a.Changes.Select(ch => new ApprovalChange
                {
                    Object = ch.Object == "dcim.device" ? $"dcim.device {a.Device.Name} (id {a.Device.Id})" : $"{ch.Object} {ch.Value}",
                    Action = ch.Action,
                    Summary = ch.Action == "create"
                        ? $"create {ch.Object} {ch.Value} for {a.Device.Name}"
                        : $"set {ch.Field} to {ch.Value} (currently {DemoDivergences.Actual(a.Device, ch.Field) ?? "empty"})",
                })],
                History = [.. a.History],
            }, "approval");
        }
    }
}

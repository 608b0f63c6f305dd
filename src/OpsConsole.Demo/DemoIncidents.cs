using OpsConsole.Core.Artifacts;

namespace OpsConsole.Demo;

/// <summary>An incident of the scenario, with the mitigation time the contract does not carry.</summary>
internal sealed record DemoIncident(
    string Id, string Severity, string Title, DateTimeOffset OpenedAt, DateTimeOffset? MitigatedAt,
    DateTimeOffset? ResolvedAt, DemoDevice? Device, string Notes, bool MakesDeviceUnreachable = false)
{
    public string Status => StatusAt(DateTimeOffset.MaxValue);

    /// <summary>The status a report written at <paramref name="at"/> would have seen.</summary>
    public string StatusAt(DateTimeOffset at) =>
        ResolvedAt <= at ? "resolved" : MitigatedAt <= at ? "mitigated" : "open";

    /// <summary>True while the incident is open or mitigated at <paramref name="at"/>.</summary>
    public bool IsActiveAt(DateTimeOffset at) => OpenedAt <= at && !(ResolvedAt <= at);
}

/// <summary>Incidents: every severity and every status; the critical ones are mitigated or resolved.</summary>
internal static class DemoIncidents
{
    public static List<DemoIncident> Plan(DemoWorld world)
    {
        var c = world.Clock;
        var d = world.Devices;
        return
        [
            new("INC-2026-0215", "medium", $"LACP member down on the uplink of {d[12].Name} to {d[10].Name}",
                c.At(13, 14, 20), null, c.At(12, 10, 5), d[12],
                "Optic on Eth1/49 replaced by field team; bundle back to 2x100G."),
            new("INC-2026-0219", "critical", $"Power failure at the CDD cabinet: {d[7].Name} and about 1,240 FTTH subscribers offline",
                c.At(11, 19, 40), c.At(11, 21, 10), c.At(11, 23, 5), d[7],
                "Utility power lost, battery bank drained in 85 min. Generator started 21:10; utility restored 22:50; all PON ports up 23:05."),
            new("INC-2026-0221", "low", $"Serial number missing in NetBox for {d[24].Name}",
                c.At(18, 9, 0), null, c.At(14, 21, 55), d[24],
                "Fixed by APR-2026-0103 (batch BATCH-2026-0103, real run real-01)."),
            new("INC-2026-0224", "high", $"BGP session to the 4WNET upstream flapping on {d[0].Name}",
                c.At(8, 3, 12), c.At(8, 4, 0), c.At(7, 11, 30), d[0],
                "Hold timer expiries every ~6 min. Dampening applied at 04:00; root cause was CRC errors on the MNS-KTG 10G link, transceiver replaced."),
            new("INC-2026-0228", "medium", "NetBox API p95 above 4 s during the nightly compliance run",
                c.At(5, 6, 40), c.At(5, 9, 15), null, null,
                "Compliance job moved to 06:00 with 4 workers instead of 12; waiting on NetBox team for database vacuum."),
            new("INC-2026-0231", "critical", $"Fibre cut on the MNS-KTG ring: {d[2].Name} lost both northern uplinks",
                c.At(3, 2, 14), c.At(3, 3, 5), null, d[2],
                "Traffic rerouted through BEL at 03:05 (18 ms more latency, no loss). Splice crew on site at km 47; permanent repair scheduled."),
            new("INC-2026-0233", "medium", $"primary_ip4 drift on {d[19].Name} after RMA",
                c.At(2, 11, 0), null, null, d[19],
                "Replacement unit came up with the factory management address; APR-2026-0111 pending to restore the record."),
            new("INC-2026-0236", "high", $"Compliance collector cannot reach {d[15].Name} (SNMP timeout)",
                c.At(1, 3, 20), null, null, d[15],
                "SNMP and SSH time out from noc-mns-01 since 03:20; ICMP answers. Suspected ACL change on the access ring.",
                MakesDeviceUnreachable: true),
            new("INC-2026-0237", "low", $"Configuration backup older than 48 h on {d[13].Name}",
                c.At(0, 7, 30), null, null, d[13],
                "Backup job reports authentication failure since the firewall admin password rotation."),
        ];
    }

    public static void Write(DemoWorld world, DemoWriter writer)
    {
        foreach (var i in world.Incidents)
        {
            writer.Json($"incidents/{i.Id}.json", new Incident
            {
                Schema = "opsconsole/incident@1",
                IncidentId = i.Id,
                Title = i.Title,
                Severity = i.Severity,
                Status = i.Status,
                OpenedAt = i.OpenedAt,
                ResolvedAt = i.ResolvedAt,
                Device = i.Device?.Ref,
                Notes = i.Notes,
            }, "incident");
        }
    }

    /// <summary>How a compliance report written at <paramref name="at"/> refers to an active incident.</summary>
    public static ReportIncident Reference(DemoIncident incident, DateTimeOffset at) => new()
    {
        Id = incident.Id,
        Severity = incident.Severity,
        Status = incident.StatusAt(at),
        Title = incident.Title,
    };
}

using System.Text;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Demo;

/// <summary>
/// Engagement packages for three devices. The 4WNET team has answered (responses.csv, with one
/// answer superseded by a later row, and a passed local validation); the other two teams have not yet.
/// </summary>
internal static class DemoEngagement
{
    private static readonly List<string> Tenants = ["4wnet", "amazonlink", "fibranorte", "k3g-access", "k3g-backbone", "k3g-security", "paranet"];
    private static readonly List<string> ServiceTypes = ["transit", "ftth", "aggregation", "security", "corporate-link", "management"];
    private static readonly List<string> Criticalities = ["low", "medium", "high", "critical"];

    private static readonly (string Team, string Contact, int DueDaysBefore)[] Teams =
    [
        ("4WNET Service Team", "lucas.barros@4wnet.com.br", 5),
        ("ParaNet FTTH Operations", "noc@paranet.net.br", -3),
        ("K3G Access Engineering", "access-eng@k3g.net.br", -6),
    ];

    public static string Folder(DemoDevice device) => $"engagement/{device.Name}";

    public static void Write(DemoWorld world, DemoWriter writer)
    {
        var sentAt = world.Clock.At(12, 10, 30);
        for (var i = 0; i < world.EngagementDevices.Count; i++)
        {
            var device = world.EngagementDevices[i];
            var (team, contact, due) = Teams[i];
            writer.Json($"{Folder(device)}/package.json", new EngagementPackage
            {
                Schema = "opsconsole/engagement-package@1",
                Device = device.Ref,
                Team = team,
                DueAt = world.Clock.At(due, 18, 0),
                Contact = contact,
                Items = Items(world, device, sentAt),
            }, "engagement-package");
        }

        WriteAnswers(world, writer, world.EngagementDevices[0]);
    }

    private static List<EngagementItem> Items(DemoWorld world, DemoDevice d, DateTimeOffset at)
    {
        string? Current(string field) => world.Drifts(d, field, at) ? DemoDivergences.Actual(d, field) : DemoDivergences.Expected(d, field);
        var obj = $"dcim.device {d.Name} (id {d.Id})";
        return
        [
            new() { ItemId = $"ENG-{d.Id}-01", Object = obj, Field = "tenant", Current = DemoWriter.Value(Current("tenant")), Allowed = Tenants, Required = true,
                Hint = "Customer that owns the service carried by this device, as written in the contract. Pick an existing NetBox tenant slug." },
            new() { ItemId = $"ENG-{d.Id}-02", Object = obj, Field = "service_type", Current = DemoWriter.Value(Current("custom_fields.service_type")), Allowed = ServiceTypes, Required = true,
                Hint = "What the device delivers: transit for upstream links, ftth for OLTs, aggregation for distribution switches." },
            new() { ItemId = $"ENG-{d.Id}-03", Object = obj, Field = "criticality", Current = DemoWriter.Value(Current("custom_fields.criticality")), Allowed = Criticalities, Required = true,
                Hint = "Business impact of an outage. high or critical raises alarm priority; cite the SLA clause as evidence." },
            new() { ItemId = $"ENG-{d.Id}-04", Object = obj, Field = "maintenance_window", Current = DemoWriter.Value(null), Required = false,
                Hint = "Optional. Preferred weekly window for changes, in NOC time (for example Sun 02:00-05:00)." },
        ];
    }

    private static void WriteAnswers(DemoWorld world, DemoWriter writer, DemoDevice d)
    {
        var c = world.Clock;
        var who = DemoWorld.People.ServiceLead;
        EngagementResponse Row(string n, string field, string value, string evidence, int minute) =>
            new($"ENG-{d.Id}-{n}", d.Name, field, value, evidence, who, c.At(11, 9, minute));

        List<EngagementResponse> rows =
        [
            Row("01", "tenant", d.ExpectedTenant, "Contract 4WN-2024-117, annex B (service inventory)", 52),
            Row("02", "service_type", d.ExpectedServiceType, "Circuit MNS-KTG-10G-004 listed as IP transit in the 4WNET portal", 55),
            Row("03", "criticality", "medium", "Initial estimate, to be confirmed with commercial", 57),
            Row("03", "criticality", d.ExpectedCriticality, "Carries the 4WNET upstream transit; SLA 99.95% in contract clause 7.2", 59),
            Row("04", "maintenance_window", "Sun 02:00-05:00", "Agreed in the monthly 4WNET service review", 59),
        ];

        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            ResponsesCsv.Write(text, rows);
        }

        writer.Bytes($"{Folder(d)}/responses.csv", buffer.ToArray(), "engagement-responses", addNewLine: false);

        writer.Json($"{Folder(d)}/validation.json", new EngagementValidation
        {
            Schema = "opsconsole/engagement-validation@1",
            Device = d.Ref,
            GeneratedAt = c.At(11, 16, 2),
            Status = "passed",
            Results =
            [
                new() { ItemId = $"ENG-{d.Id}-01", Status = "ok", Message = $"{d.ExpectedTenant} is an existing tenant and matches the contract evidence" },
                new() { ItemId = $"ENG-{d.Id}-02", Status = "ok", Message = $"{d.ExpectedServiceType} is an allowed value" },
                new() { ItemId = $"ENG-{d.Id}-03", Status = "ok", Message = $"{d.ExpectedCriticality} is an allowed value (the latest answer supersedes medium)" },
                new() { ItemId = $"ENG-{d.Id}-04", Status = "ok", Message = "optional item answered" },
            ],
        }, "engagement-validation");
    }
}

using OpsConsole.Core.Artifacts;

namespace OpsConsole.Demo;

/// <summary>
/// A field that keeps diverging in every report of a device, from <see cref="SinceDaysBefore"/> days
/// before the last day until an applied approval fixes it.
/// </summary>
internal sealed record ChronicDivergence(string Field, int SinceDaysBefore = int.MaxValue);

/// <summary>One device of the demo fleet: what NetBox should hold and what keeps drifting.</summary>
internal sealed record DemoDevice(
    int Index, long Id, string Name, string Site, string Role, string Platform, string ExpectedTenant,
    IReadOnlyList<ChronicDivergence> Chronic, bool Flaky)
{
    public DeviceRef Ref => new() { Id = Id, Name = Name };

    public bool HasChronic(string field) => Chronic.Any(c => c.Field == field);

    /// <summary>The role-based values the compliance job expects for custom fields.</summary>
    public string ExpectedServiceType => Role switch
    {
        "router" => "transit",
        "olt" => "ftth",
        "firewall" => "security",
        _ => "aggregation",
    };

    public string ExpectedCriticality => Role switch
    {
        "router" => "high",
        "firewall" => "critical",
        "olt" => "high",
        _ => "medium",
    };

    public string PrimaryIp4 => $"10.{SiteOctet}.{Id / 256 % 256}.{Id % 256}/32";

    public int SiteOctet => Site switch { "MNS" => 20, "KTG" => 31, _ => 41 };
}

/// <summary>The device inventory: 25 curated devices across three sites, then generated ones.</summary>
internal static class DemoInventory
{
    private static ChronicDivergence[] C(params string[] fields) => [.. fields.Select(f => new ChronicDivergence(f))];

    // Index order matters: approvals, incidents and engagement packages refer to these positions.
    private static readonly (long Id, string Name, string Site, string Role, string Platform, string Tenant, ChronicDivergence[] Chronic)[] Curated =
    [
        (1890, "4WNET-MNS-KTG-RX", "MNS", "router", "huawei-ne8000", "4wnet", C("custom_fields.criticality", "custom_fields.service_type")),
        (1891, "4WNET-MNS-KTG-TX", "MNS", "router", "huawei-ne8000", "4wnet", C("status")),
        (1742, "K3G-MNS-CORE-RT01", "MNS", "router", "cisco-iosxr", "k3g-backbone", C()),
        (1743, "K3G-MNS-CORE-RT02", "MNS", "router", "cisco-iosxr", "k3g-backbone", C()),
        (1755, "K3G-MNS-AGG-SW01", "MNS", "switch", "huawei-vrp", "k3g-backbone", C()),
        (1756, "K3G-MNS-AGG-SW02", "MNS", "switch", "huawei-vrp", "k3g-backbone", C("primary_ip4")),
        (1802, "K3G-MNS-EDGE-FW01", "MNS", "firewall", "fortinet-fortios", "k3g-security", C()),
        (1930, "FIBRANORTE-MNS-CDD-OLT01", "MNS", "olt", "huawei-ma5800", "fibranorte", C()),
        (1931, "FIBRANORTE-MNS-CDD-OLT02", "MNS", "olt", "huawei-ma5800", "fibranorte", C("tenant", "primary_ip4")),
        (2011, "K3G-KTG-CORE-RT01", "KTG", "router", "juniper-junos", "k3g-backbone", C("platform")),
        (2012, "K3G-KTG-CORE-RT02", "KTG", "router", "juniper-junos", "k3g-backbone", C()),
        (2020, "K3G-KTG-DIST-SW01", "KTG", "switch", "cisco-nxos", "k3g-backbone", C("custom_fields.criticality")),
        (2021, "K3G-KTG-DIST-SW02", "KTG", "switch", "cisco-nxos", "k3g-backbone", C()),
        (2034, "K3G-KTG-DC-FW01", "KTG", "firewall", "paloalto-panos", "k3g-security", C("custom_fields.service_type")),
        (2045, "AMAZONLINK-KTG-POP-RX", "KTG", "router", "mikrotik-routeros", "amazonlink", C()),
        (2046, "K3G-KTG-ACC-OLT01", "KTG", "olt", "zte-titan", "k3g-access", C("tenant", "custom_fields.criticality")),
        (2102, "K3G-BEL-CORE-RT01", "BEL", "router", "huawei-ne8000", "k3g-backbone", C("site")),
        (2103, "K3G-BEL-CORE-RT02", "BEL", "router", "huawei-ne8000", "k3g-backbone", C()),
        (2115, "K3G-BEL-AGG-SW01", "BEL", "switch", "huawei-vrp", "k3g-backbone", C()),
        (2116, "K3G-BEL-AGG-SW02", "BEL", "switch", "huawei-vrp", "k3g-backbone", [new("primary_ip4", 2)]),
        (2128, "K3G-BEL-EDGE-FW01", "BEL", "firewall", "fortinet-fortios", "k3g-security", C("platform")),
        (2140, "PARANET-BEL-UMZ-OLT01", "BEL", "olt", "huawei-ma5800", "paranet", C("custom_fields.service_type")),
        (2141, "PARANET-BEL-UMZ-OLT02", "BEL", "olt", "huawei-ma5800", "paranet", C()),
        (2150, "4WNET-BEL-MNS-RX", "BEL", "router", "huawei-ne8000", "4wnet", C()),
        (2151, "K3G-BEL-MGMT-SW01", "BEL", "switch", "cisco-ios", "k3g-backbone", C("tenant", "serial")),
    ];

    private static readonly string[] Sites = ["MNS", "KTG", "BEL"];
    private static readonly (string Role, string Code, string Platform)[] GeneratedKinds =
    [
        ("switch", "SW", "huawei-vrp"), ("switch", "SW", "cisco-ios"), ("olt", "OLT", "huawei-ma5800"),
        ("router", "RT", "juniper-junos"), ("olt", "OLT", "zte-titan"), ("firewall", "FW", "fortinet-fortios"),
        ("switch", "SW", "cisco-nxos"), ("router", "RX", "mikrotik-routeros"),
    ];

    private static readonly string[] GeneratedTenants = ["k3g-backbone", "k3g-access", "fibranorte", "paranet", "amazonlink", "4wnet"];
    private static readonly string[] ChronicPool = ["tenant", "custom_fields.criticality", "custom_fields.service_type", "primary_ip4", "platform", "serial", "status"];

    /// <summary>Builds <paramref name="count"/> devices; the first 25 are the curated fleet.</summary>
    public static List<DemoDevice> Build(int count, Random random)
    {
        var devices = new List<DemoDevice>(count);
        for (var i = 0; i < count; i++)
        {
            if (i < Curated.Length)
            {
                var c = Curated[i];
                devices.Add(new DemoDevice(i, c.Id, c.Name, c.Site, c.Role, c.Platform, c.Tenant, c.Chronic, Flaky: i == 15));
                continue;
            }

            var site = Sites[i % Sites.Length];
            var kind = GeneratedKinds[random.Next(GeneratedKinds.Length)];
            var pop = (i - Curated.Length) / 6;
            var name = $"K3G-{site}-P{pop:D4}-{kind.Code}{i % 6 + 1:D2}";
            var chronic = random.NextDouble() < 0.22
                ? ChronicPool.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(f => new ChronicDivergence(f)).ToArray()
                : [];
            devices.Add(new DemoDevice(i, 10_000 + i, name, site, kind.Role, kind.Platform,
                GeneratedTenants[random.Next(GeneratedTenants.Length)], chronic, Flaky: random.NextDouble() < 0.04));
        }

        return devices;
    }

    /// <summary>The inventory as NetBox holds it at the end: drifted values stay drifted until fixed.</summary>
    public static void Write(DemoWorld world, DemoWriter writer)
    {
        var inventory = new DeviceInventory
        {
            Schema = "opsconsole/devices@1",
            Devices = [.. world.Devices.Select(d => new InventoryDevice
            {
                Id = d.Id,
                Name = d.Name,
                Site = world.DriftsAtEnd(d, "site") ? DemoDivergences.Actual(d, "site")! : d.Site,
                Role = d.Role,
                Platform = world.DriftsAtEnd(d, "platform") ? DemoDivergences.Actual(d, "platform")! : d.Platform,
                Tenant = world.DriftsAtEnd(d, "tenant") ? null : d.ExpectedTenant,
            })],
        };
        writer.Json("devices.json", inventory, "inventory");
    }
}

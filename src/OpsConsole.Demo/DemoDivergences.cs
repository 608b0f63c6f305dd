using OpsConsole.Core.Artifacts;

namespace OpsConsole.Demo;

/// <summary>
/// What the compliance job finds when a field drifts: the value it expects (source of truth), the
/// value NetBox holds, and how much it matters. Values derive from the device, so a chronic
/// divergence reads the same in every daily report.
/// </summary>
internal static class DemoDivergences
{
    /// <summary>Fields that drift for a day or two and then settle (maintenance, RMA, upgrades).</summary>
    public static readonly string[] Transient = ["primary_ip4", "status", "platform", "serial"];

    public static Divergence Build(DemoDevice device, string field, bool transient = false) => new()
    {
        Field = field,
        Expected = DemoWriter.Value(Expected(device, field)),
        Actual = DemoWriter.Value(transient ? TransientActual(device, field) : Actual(device, field)),
        Severity = Severity(device, field, transient),
    };

    public static string Expected(DemoDevice device, string field) => field switch
    {
        "tenant" => device.ExpectedTenant,
        "site" => device.Site,
        "platform" => device.Platform,
        "primary_ip4" => device.PrimaryIp4,
        "status" => "active",
        "serial" => Serial(device),
        "custom_fields.criticality" => device.ExpectedCriticality,
        "custom_fields.service_type" => device.ExpectedServiceType,
        _ => "",
    };

    /// <summary>The drifted value NetBox holds (null where the field is simply empty upstream).</summary>
    public static string? Actual(DemoDevice device, string field) => field switch
    {
        "tenant" => null,
        "site" => device.Site == "MNS" ? "KTG" : "MNS",
        "platform" => LegacyPlatform(device.Platform),
        "primary_ip4" => $"10.{device.SiteOctet}.{device.Id / 256 % 256}.{(device.Id + 17) % 256}/32",
        "status" => "planned",
        "serial" => null,
        "custom_fields.criticality" => device.Role == "switch" ? "low" : null,
        "custom_fields.service_type" => null,
        _ => null,
    };

    private static string? TransientActual(DemoDevice device, string field) => field switch
    {
        "status" => "offline",
        "platform" => LegacyPlatform(device.Platform),
        "serial" => "RMA-PENDING",
        _ => Actual(device, field),
    };

    private static string Severity(DemoDevice device, string field, bool transient) => field switch
    {
        "status" => transient ? "critical" : "high",
        "primary_ip4" => "high",
        "tenant" => "high",
        "site" => "high",
        "platform" => "medium",
        "custom_fields.criticality" => device.Role is "router" or "firewall" ? "medium" : "low",
        "custom_fields.service_type" => "low",
        _ => "low",
    };

    private static string LegacyPlatform(string platform) => platform switch
    {
        "huawei-ne8000" => "huawei-vrp",
        "cisco-iosxr" => "cisco-ios",
        "juniper-junos" => "junos-legacy",
        "fortinet-fortios" => "fortios-6",
        "paloalto-panos" => "panos-9",
        "huawei-ma5800" => "huawei-ma5600",
        "zte-titan" => "zte-c300",
        "cisco-nxos" => "cisco-ios",
        _ => "generic",
    };

    private static string Serial(DemoDevice device)
    {
        var prefix = device.Platform.Split('-')[0] switch
        {
            "huawei" => "2102",
            "cisco" => "FOC",
            "juniper" => "JN1",
            "fortinet" => "FG1HF",
            "paloalto" => "0130",
            "zte" => "ZTE",
            _ => "SN",
        };
        return $"{prefix}{device.Id * 7919 % 1_000_000:D6}{device.Index % 97:D2}";
    }
}

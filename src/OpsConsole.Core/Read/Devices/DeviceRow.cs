using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Devices;

/// <summary>A device of the inventory with its newest compliance report (null when it has none).</summary>
public sealed record DeviceRow(string Name, string Site, string Role, string Platform, string? Tenant, ComplianceReportRow? Latest)
{
    /// <summary>The device's compliance status word: the report's status, "unreadable", or "none".</summary>
    public string Status => StatusOf(Latest);

    /// <summary>The status word of a device whose newest report is <paramref name="latest"/>.</summary>
    public static string StatusOf(ComplianceReportRow? latest) => latest?.StatusShown ?? ReadStatus.None;
}

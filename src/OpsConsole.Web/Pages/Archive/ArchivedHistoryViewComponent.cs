using Microsoft.AspNetCore.Mvc;
using OpsConsole.Core.Archive;
using OpsConsole.Core.Read.ArchivedHistory;

namespace OpsConsole.Web.Pages.Archive;

/// <summary>What the history line of a page shows: the counts from the manifests, and for a device its archived reports.</summary>
/// <param name="Scope"><c>compliance</c>, <c>approvals</c> or <c>device</c>.</param>
/// <param name="Snapshot">The bundles as of now.</param>
/// <param name="Device">The device, for scope <c>device</c>.</param>
/// <param name="DeviceHistory">The device's archived reports, for scope <c>device</c>.</param>
public sealed record ArchivedHistoryView(string Scope, ArchiveSnapshot Snapshot, string? Device, ArchivedDeviceHistory? DeviceHistory)
{
    /// <summary>Up to this many archived reports are linked on the device page (newest first); the rest are on /archive.</summary>
    public const int DeviceEntries = 10;
}

/// <summary>
/// "How much history is archived", for the compliance list, the approval queue and the device page:
/// <c>@await Component.InvokeAsync("ArchivedHistory", new { scope = "device", device })</c>. Nothing is shown when
/// there is no bundle. The snapshot is taken once per index version (<see cref="ArchiveSnapshots"/>): these pages are
/// the busiest of the console, and a bundle written, restored or emptied of its originals changes the index.
/// </summary>
public sealed class ArchivedHistoryViewComponent(ArchiveSnapshots snapshots) : ViewComponent
{
    public IViewComponentResult Invoke(string scope, string? device = null) =>
        View("~/Pages/Archive/_ArchivedHistory.cshtml", new ArchivedHistoryView(scope, snapshots.Current(), device,
            scope == "device" && device is not null ? snapshots.DeviceHistory(device, ArchivedHistoryView.DeviceEntries) : null));
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Incidents;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Devices;

/// <summary>The inventory joined to each device's newest compliance report, and everything one device's page shows.</summary>
public sealed class DeviceReads(
    IDbContextFactory<IndexDbContext> dbFactory, DeviceHistoryReader history, LatestReports latest, IndexVersionMemo memo,
    Compliance.ComplianceRunDays runDays)
{
    /// <summary>Related rows shown per section of the device page at most.</summary>
    public const int MaxRelated = 100;

    /// <summary>Status filter values: the compliance statuses, "unreadable" and "none" (no report yet).</summary>
    public static readonly IReadOnlyList<string> Statuses = [.. Compliance.ComplianceReportReads.Statuses, ReadStatus.None];

    /// <summary>One page of devices, by name.</summary>
    public async Task<PagedList<DeviceRow>> ListAsync(DeviceFilter filter, PageRequest page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var devices = db.Devices.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            devices = devices.Where(d => d.Name.Contains(search));
        }

        if (!string.IsNullOrWhiteSpace(filter.Site))
        {
            devices = devices.Where(d => d.Site == filter.Site);
        }

        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            devices = devices.Where(d => d.Role == filter.Role);
        }

        if (string.IsNullOrEmpty(filter.Status))
        {
            // Without a status filter only the devices of this page need their newest report, fetched in one
            // query (one index seek per device inside SQLite) instead of one EF query per device.
            var total = await memo.GetOrAddAsync(string.Join('\u001f', "devices-count", filter.Search?.Trim(), filter.Site, filter.Role), () => devices.CountAsync());
            var pageDevices = await devices.OrderBy(d => d.Name).Skip(page.Skip).Take(page.Size).ToListAsync();
            var names = pageDevices.Select(d => d.Name).ToList();
            var newestOfPage = (await db.LatestReportOfDevices(names).Select(ArtifactProjections.ComplianceReport).ToListAsync())
                .ToDictionary(r => r.Device!, StringComparer.Ordinal);
            var rows = pageDevices.Select(d => new DeviceRow(d.Name, d.Site, d.Role, d.Platform, d.Tenant, newestOfPage.GetValueOrDefault(d.Name))).ToList();
            return new PagedList<DeviceRow>(rows, total, page);
        }

        // The newest report of every device is worked out once per index version (LatestReports) and joined
        // here: in SQL the per-device subquery would be re-evaluated for every inventory row of the join.
        var newest = await latest.ByDeviceAsync();
        async Task<List<DeviceRow>> Matching() => [.. (await devices.OrderBy(d => d.Name).ToListAsync())
            .Select(d => new DeviceRow(d.Name, d.Site, d.Role, d.Platform, d.Tenant, newest.GetValueOrDefault(d.Name)))
            .Where(r => r.Status == filter.Status)];

        // The matching rows are remembered per index version too, unless a typed search is part of the filter:
        // site, role and status come from menus, and their lists together hold each device a few times at most.
        var matching = string.IsNullOrWhiteSpace(filter.Search)
            ? await memo.GetOrAddAsync(string.Join('\u001f', "devices-matching", filter.Site, filter.Role, filter.Status), Matching)
            : await Matching();
        return new PagedList<DeviceRow>(matching.Skip(page.Skip).Take(page.Size).ToList(), matching.Count, page);
    }

    /// <summary>Distinct sites and roles of the inventory, for the filter menus (remembered per index version).</summary>
    public Task<(IReadOnlyList<string> Sites, IReadOnlyList<string> Roles)> FacetsAsync() =>
        memo.GetOrAddAsync("devices-facets", async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var sites = await db.Devices.Select(d => d.Site).Distinct().OrderBy(s => s).ToListAsync();
            var roles = await db.Devices.Select(d => d.Role).Distinct().OrderBy(s => s).ToListAsync();
            return ((IReadOnlyList<string>)sites, (IReadOnlyList<string>)roles);
        });

    /// <summary>Everything the device page shows, or null when the name is malformed or no artifact names the device.</summary>
    public async Task<DeviceDetail?> DetailAsync(string name, PageRequest historyPage)
    {
        if (!DeviceNames.IsValid(name))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name);
        var reports = db.ReportsOfDevice(name);

        // The device's newest reports, read once down its (Kind, Device, AtTicks) index: at most two per retained
        // day feed the strip (DeviceStrip keeps those of the retained days). When the device has no more reports
        // than that (a 30-day hot set), the same rows are its whole history: the count, the shown window and the
        // latest report come from them instead of three more queries. A "Day >= first" filter in SQL let SQLite
        // pick the (Kind, Day, …) index instead and walk every report of the window (all devices) per page view.
        const int newestRead = 2 * Compliance.ComplianceRunDays.Retained;
        var newest = await reports.Take(newestRead).Select(ArtifactProjections.ComplianceReport).ToListAsync();
        var complete = newest.Count < newestRead;
        var reportTotal = complete ? newest.Count : await reports.CountAsync();
        if (device is null && reportTotal == 0 && !await db.Artifacts.AnyAsync(a => a.Device == name))
        {
            return null;
        }

        // One extra (older) report so the last row of the page can say what changed since its predecessor.
        var window = complete || historyPage.Skip + historyPage.Size + 1 <= newest.Count
            ? newest.Skip(historyPage.Skip).Take(historyPage.Size + 1).ToList()
            : await reports.Skip(historyPage.Skip).Take(historyPage.Size + 1).Select(ArtifactProjections.ComplianceReport).ToListAsync();
        var latest = newest.FirstOrDefault();

        // Approvals naming the device and its batch plans, newest first, in one query (bounded: a device named by
        // thousands of plans must not make its page read them all); then the runs of those batches.
        var related = await db.Artifacts.AsNoTracking()
            .Where(a => (a.Kind == nameof(ArtifactKind.Approval) || a.Kind == nameof(ArtifactKind.BatchPlan)) && a.Device == name)
            .OrderByDescending(a => a.AtTicks).Take(4 * MaxRelated).ToListAsync();
        var approvals = related.Where(r => r.Kind == nameof(ArtifactKind.Approval)).Take(MaxRelated).Select(ArtifactProjections.Compiled.Approval).ToList();
        var batchIds = approvals.Where(a => a.BatchId != null).Select(a => a.BatchId!)
            .Concat(related.Where(r => r.Kind == nameof(ArtifactKind.BatchPlan) && r.Key != null).Select(r => r.Key!))
            .Distinct(StringComparer.Ordinal).ToList();
        var batchRuns = batchIds.Count == 0 ? []
            : await db.OfKind(ArtifactKind.BatchResult).Where(a => a.GroupKey != null && batchIds.Contains(a.GroupKey))
                .OrderByDescending(a => a.AtTicks).Take(MaxRelated).Select(ArtifactProjections.BatchRun).ToListAsync();
        var open = await IncidentReads.OpenAsync(db, name, MaxRelated);

        var days = await runDays.NewestAsync();
        var strip = days.Count == 0 ? new DeviceStrip([]) : DeviceStrip.From(days, newest);

        var rows = history.Read(window, historyPage.Size);
        return new DeviceDetail(name, device, latest, new PagedList<HistoryRow>(rows, reportTotal, historyPage), approvals, batchRuns, open, strip);
    }
}

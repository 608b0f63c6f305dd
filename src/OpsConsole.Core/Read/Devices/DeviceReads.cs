using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Incidents;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Devices;

/// <summary>The inventory joined to each device's newest compliance report, and everything one device's page shows.</summary>
public sealed class DeviceReads(IDbContextFactory<IndexDbContext> dbFactory, DeviceHistoryReader history, IncidentReads incidents)
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
            // Without a status filter only the devices of this page need their newest report: one
            // index seek each, instead of working out the newest report of all devices.
            var total = await devices.CountAsync();
            var pageDevices = await devices.OrderBy(d => d.Name).Skip(page.Skip).Take(page.Size).ToListAsync();
            var rows = new List<DeviceRow>(pageDevices.Count);
            foreach (var d in pageDevices)
            {
                var latest = await db.ReportsOfDevice(d.Name).Select(ArtifactProjections.ComplianceReport).FirstOrDefaultAsync();
                rows.Add(new DeviceRow(d.Name, d.Site, d.Role, d.Platform, d.Tenant, latest));
            }

            return new PagedList<DeviceRow>(rows, total, page);
        }

        // The newest report of every device is worked out once (one index walk) and joined here: in SQL the
        // per-device subquery would be re-evaluated for every inventory row of the join.
        var newest = (await db.LatestReportPerDevice().Where(a => a.Device != null).Select(ArtifactProjections.ComplianceReport).ToListAsync())
            .GroupBy(a => a.Device!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var matching = (await devices.OrderBy(d => d.Name).ToListAsync())
            .Select(d => new DeviceRow(d.Name, d.Site, d.Role, d.Platform, d.Tenant, newest.GetValueOrDefault(d.Name)))
            .Where(r => r.Status == filter.Status)
            .ToList();
        return new PagedList<DeviceRow>(matching.Skip(page.Skip).Take(page.Size).ToList(), matching.Count, page);
    }

    /// <summary>Distinct sites and roles of the inventory, for the filter menus.</summary>
    public async Task<(IReadOnlyList<string> Sites, IReadOnlyList<string> Roles)> FacetsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var sites = await db.Devices.Select(d => d.Site).Distinct().OrderBy(s => s).ToListAsync();
        var roles = await db.Devices.Select(d => d.Role).Distinct().OrderBy(s => s).ToListAsync();
        return (sites, roles);
    }

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
        var reportTotal = await reports.CountAsync();
        if (device is null && reportTotal == 0 && !await db.Artifacts.AnyAsync(a => a.Device == name))
        {
            return null;
        }

        // One extra (older) report so the last row of the page can say what changed since its predecessor.
        var window = await reports.Skip(historyPage.Skip).Take(historyPage.Size + 1).Select(ArtifactProjections.ComplianceReport).ToListAsync();
        var latest = historyPage.Page == 1 ? window.FirstOrDefault()
            : await reports.Select(ArtifactProjections.ComplianceReport).FirstOrDefaultAsync();

        var approvals = await db.OfKind(ArtifactKind.Approval).Where(a => a.Device == name)
            .OrderByDescending(a => a.AtTicks).Take(MaxRelated).Select(ArtifactProjections.Approval).ToListAsync();
        var batchIds = approvals.Where(a => a.BatchId != null).Select(a => a.BatchId!)
            .Concat(await db.OfKind(ArtifactKind.BatchPlan).Where(a => a.Device == name && a.Key != null).Select(a => a.Key!).ToListAsync())
            .Distinct(StringComparer.Ordinal).ToList();
        var batchRuns = await db.OfKind(ArtifactKind.BatchResult).Where(a => a.GroupKey != null && batchIds.Contains(a.GroupKey))
            .OrderByDescending(a => a.AtTicks).Take(MaxRelated).Select(ArtifactProjections.BatchRun).ToListAsync();
        var open = await incidents.OpenAsync(name, MaxRelated);

        var rows = history.Read(window, historyPage.Size);
        return new DeviceDetail(name, device, latest, new PagedList<HistoryRow>(rows, reportTotal, historyPage), approvals, batchRuns, open);
    }
}

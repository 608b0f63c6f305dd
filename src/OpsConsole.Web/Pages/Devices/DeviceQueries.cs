using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Web.Pages.Compliance;
using OpsConsole.Web.Pages.Incidents;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Devices;

/// <summary>A device of the inventory with its newest compliance report (null when it has none).</summary>
public sealed record DeviceRow(string Name, string Site, string Role, string Platform, string? Tenant, ArtifactRecord? Latest)
{
    /// <summary>The device's compliance status word: the report's status, "unreadable", or "none".</summary>
    public string Status => DeviceQueries.StatusOf(Latest);
}

/// <summary>Filters of the device list.</summary>
public sealed record DeviceFilter(string? Search, string? Site, string? Role, string? Status);

/// <summary>Device list queries: the inventory joined to each device's latest compliance report.</summary>
public sealed class DeviceQueries(IDbContextFactory<IndexDbContext> dbFactory, DeviceHistoryReader history)
{
    /// <summary>Status filter values: the compliance statuses, "unreadable" and "none" (no report yet).</summary>
    public static readonly IReadOnlyList<string> Statuses = [.. ComplianceQueries.Statuses, "none"];

    public static string StatusOf(ArtifactRecord? latest) =>
        latest is null ? "none" : !latest.Readable ? "unreadable" : latest.Status ?? "unknown";

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
                var latest = await ComplianceQueries.Reports(db).Where(a => a.Device == d.Name)
                    .OrderByDescending(a => a.AtTicks).ThenByDescending(a => a.Id).FirstOrDefaultAsync();
                rows.Add(new DeviceRow(d.Name, d.Site, d.Role, d.Platform, d.Tenant, latest));
            }

            return new PagedList<DeviceRow>(rows, total, page);
        }

        // The newest report of every device is worked out once (one index walk) and joined here: in SQL the
        // per-device subquery would be re-evaluated for every inventory row of the join.
        var newest = (await ComplianceQueries.Latest(db).Where(a => a.Device != null).ToListAsync())
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

    /// <summary>Everything the device page shows, or null when no artifact names the device.</summary>
    public async Task<DeviceDetail?> DetailAsync(string name, PageRequest historyPage)
    {
        if (!DeviceNames.IsValid(name))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name);
        var reports = ComplianceQueries.Reports(db).Where(a => a.Device == name);
        var reportTotal = await reports.CountAsync();
        if (device is null && reportTotal == 0 && !await db.Artifacts.AnyAsync(a => a.Device == name))
        {
            return null;
        }

        // One extra (older) report so the last row of the page can say what changed since its predecessor.
        var window = await reports.OrderByDescending(a => a.AtTicks).ThenByDescending(a => a.Id)
            .Skip(historyPage.Skip).Take(historyPage.Size + 1).ToListAsync();
        var latest = historyPage.Page == 1 ? window.FirstOrDefault()
            : await reports.OrderByDescending(a => a.AtTicks).ThenByDescending(a => a.Id).FirstOrDefaultAsync();

        var approvals = await db.Artifacts.AsNoTracking().Where(a => a.Kind == nameof(ArtifactKind.Approval) && a.Device == name)
            .OrderByDescending(a => a.AtTicks).Take(100).ToListAsync();
        var batchIds = approvals.Where(a => a.GroupKey != null).Select(a => a.GroupKey!)
            .Concat(await db.Artifacts.Where(a => a.Kind == nameof(ArtifactKind.BatchPlan) && a.Device == name && a.Key != null)
                .Select(a => a.Key!).ToListAsync())
            .Distinct(StringComparer.Ordinal).ToList();
        var batchRuns = await db.Artifacts.AsNoTracking()
            .Where(a => a.Kind == nameof(ArtifactKind.BatchResult) && a.GroupKey != null && batchIds.Contains(a.GroupKey))
            .OrderByDescending(a => a.AtTicks).Take(100).ToListAsync();
        var incidents = await IncidentQueries.BySeverity(IncidentQueries.Incidents(db).Where(a => a.Device == name && a.Status == "open"))
            .Take(100).ToListAsync();

        var rows = history.Read(window, historyPage.Size);
        return new DeviceDetail(name, device, latest,
            new PagedList<HistoryRow>(rows, reportTotal, historyPage), approvals, batchRuns, incidents);
    }
}

/// <summary>What the device page shows.</summary>
public sealed record DeviceDetail(
    string Name,
    DeviceRecord? Inventory,
    ArtifactRecord? Latest,
    PagedList<HistoryRow> History,
    IReadOnlyList<ArtifactRecord> Approvals,
    IReadOnlyList<ArtifactRecord> BatchRuns,
    IReadOnlyList<ArtifactRecord> OpenIncidents);

/// <summary>Registers the device queries.</summary>
public static class DeviceRegistration
{
    public static IServiceCollection AddDeviceQueries(this IServiceCollection services) =>
        services.AddScoped<DeviceQueries>().AddScoped<DeviceHistoryReader>();
}

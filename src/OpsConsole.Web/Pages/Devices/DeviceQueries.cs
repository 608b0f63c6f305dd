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
public sealed class DeviceQueries(IDbContextFactory<IndexDbContext> dbFactory, DeviceHistoryReader history, IndexVersionMemo memo)
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
            // Without a status filter only the devices of this page need their newest report, fetched in one
            // query (one index seek per device inside SQLite) instead of one EF query per device.
            var total = await memo.GetOrAddAsync(string.Join('\u001f', "devices-count", filter.Search?.Trim(), filter.Site, filter.Role), () => devices.CountAsync());
            var pageDevices = await devices.OrderBy(d => d.Name).Skip(page.Skip).Take(page.Size).ToListAsync();
            var newestOfPage = await NewestReportsAsync(db, [.. pageDevices.Select(d => d.Name)]);
            var rows = pageDevices.Select(d => new DeviceRow(d.Name, d.Site, d.Role, d.Platform, d.Tenant, newestOfPage.GetValueOrDefault(d.Name))).ToList();
            return new PagedList<DeviceRow>(rows, total, page);
        }

        // The newest report of every device is worked out once (one index walk) and joined here: in SQL the
        // per-device subquery would be re-evaluated for every inventory row of the join.
        // Remembered per index version: 10,000 index seeks per request were most of a filtered list's time.
        var newest = await memo.GetOrAddAsync("devices-newest-report", async () =>
            (await ComplianceQueries.Latest(db).Where(a => a.Device != null).ToListAsync())
                .GroupBy(a => a.Device!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
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

    // The newest report of each named device, as "for each device, the id of its newest report" (the
    // pattern of ComplianceQueries.Latest) restricted to the names, in one round trip.
    private static async Task<Dictionary<string, ArtifactRecord>> NewestReportsAsync(IndexDbContext db, List<string> names)
    {
        var reports = ComplianceQueries.Reports(db);
        var newestIds = reports.Where(a => a.Device != null && names.Contains(a.Device)).GroupBy(a => a.Device).Select(g => g.Key ?? string.Empty)
            .Select(device => reports.Where(b => b.Device == device)
                .OrderByDescending(b => b.AtTicks).ThenByDescending(b => b.Id).Select(b => b.Id).First());
        var newest = await db.Artifacts.AsNoTracking().Where(a => newestIds.Contains(a.Id)).ToListAsync();
        return newest.ToDictionary(a => a.Device!, StringComparer.Ordinal);
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

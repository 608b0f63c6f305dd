using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Compliance;

namespace OpsConsole.Core.Read.Dashboard;

/// <summary>
/// Computes the dashboard's trend: the compliant share per retained run day, per site in the latest run, and
/// what changed since the run before. Grouped SQL over the (Kind, Day, Readable, Status, Device) index, the same
/// on SQLite and PostgreSQL; at 300,000 reports it walks that index once, so the caller keeps the result per
/// index version (<see cref="DashboardReads"/> through the dashboard cache).
/// </summary>
public sealed class ComplianceTrendReads(IDbContextFactory<IndexDbContext> dbFactory, ComplianceRunDays runDays)
{
    /// <summary>The trend of the current index.</summary>
    public async Task<ComplianceTrend> ComputeAsync()
    {
        var days = await runDays.NewestAsync();
        if (days.Count == 0)
        {
            return ComplianceTrend.Empty;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var reports = db.OfKind(ArtifactKind.ComplianceReport);
        var inventory = await db.Devices.CountAsync();
        var trendDays = await DaysAsync(db, reports, days, inventory);
        var sites = await SitesAsync(db, reports, days[^1]);
        var since = days.Count < 2 ? null : await SinceYesterdayAsync(reports, days[^2], days[^1]);
        return new ComplianceTrend(trendDays, sites, since);
    }

    private static async Task<List<TrendDay>> DaysAsync(IndexDbContext db, IQueryable<ArtifactRecord> reports, IReadOnlyList<string> days, int inventory)
    {
        var first = days[0];
        var window = reports.DayFromOn(first);
        var counts = await window
            .GroupBy(a => new { a.Day, Status = a.Readable ? a.Status : ReadStatus.Unreadable })
            .Select(g => new { g.Key.Day, g.Key.Status, Count = g.Count() })
            .ToListAsync();
        // The inventory devices that have a report that day; the others are missing.
        var reported = await window.Where(a => db.Devices.Any(d => d.Name == a.Device))
            .GroupBy(a => a.Day)
            .Select(g => new { Day = g.Key, Count = g.Select(a => a.Device).Distinct().Count() })
            .ToDictionaryAsync(x => x.Day!, x => x.Count, StringComparer.Ordinal);
        return [.. days.Select(day => new TrendDay(day, Tally(
            counts.Where(c => c.Day == day).Select(c => (c.Status, c.Count)),
            Math.Max(0, inventory - reported.GetValueOrDefault(day))))) ];
    }

    private static async Task<List<SiteShare>> SitesAsync(IndexDbContext db, IQueryable<ArtifactRecord> reports, string latest)
    {
        var counts = await (
                from a in reports.Where(a => a.Day == latest)
                join d in db.Devices on a.Device equals (string?)d.Name
                group a by new { d.Site, Status = a.Readable ? a.Status : ReadStatus.Unreadable } into g
                select new { g.Key.Site, g.Key.Status, Count = g.Count() })
            .ToListAsync();
        var devices = await db.Devices.GroupBy(d => d.Site).Select(g => new { Site = g.Key, Count = g.Count() }).ToListAsync();
        return [.. devices
            .Select(site =>
            {
                var ofSite = counts.Where(c => c.Site == site.Site).ToList();
                return new SiteShare(site.Site, Tally(ofSite.Select(c => ((string?)c.Status, c.Count)), Math.Max(0, site.Count - ofSite.Sum(c => c.Count))));
            })
            .OrderBy(s => s.Tally.CompliantShare ?? 0).ThenBy(s => s.Site, StringComparer.Ordinal)];
    }

    private static async Task<SinceYesterday> SinceYesterdayAsync(IQueryable<ArtifactRecord> reports, string previousDay, string latestDay)
    {
        // Two runs' rows (one per device), small columns only: the comparison is per device, in memory.
        var rows = await reports.Where(a => a.Day == previousDay || a.Day == latestDay)
            .Where(a => a.Device != null)
            .OrderByDescending(a => a.AtTicks).ThenByDescending(a => a.Id)
            .Select(a => new RunRow(a.Day!, a.Device!, a.Readable ? a.Status ?? ReadStatus.Unknown : ReadStatus.Unreadable, a.Count, a.DivergentFields))
            .ToListAsync();
        var previous = ByDevice(rows.Where(r => r.Day == previousDay));
        var latest = ByDevice(rows.Where(r => r.Day == latestDay));

        var newlyDivergent = new List<string>();
        var back = new List<string>();
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (device, now) in latest.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            var before = previous.GetValueOrDefault(device);
            if (now.Status == ComplianceStatus.Divergent)
            {
                if (before?.Status != ComplianceStatus.Divergent)
                {
                    newlyDivergent.Add(device);
                }

                // A report before with divergences but no stored fields predates the column: nothing to compare.
                var knownBefore = before is null || before.Status != ComplianceStatus.Divergent || before.DivergentFields is not null || before.Count is null or 0;
                var previousFields = before?.Status == ComplianceStatus.Divergent ? before.DivergentFields : null;
                if (knownBefore)
                {
                    foreach (var field in DivergentFields.Split(DivergentFields.Added(previousFields, now.DivergentFields)))
                    {
                        if (!fields.TryGetValue(field, out var devices))
                        {
                            fields[field] = devices = [];
                        }

                        devices.Add(device);
                    }
                }
            }
            else if (now.Status == ComplianceStatus.Compliant && before?.Status is ComplianceStatus.Divergent or ComplianceStatus.Error)
            {
                back.Add(device);
            }
        }

        return new SinceYesterday(latestDay, previousDay, newlyDivergent, back,
            [.. fields.Select(f => new FieldChange(f.Key, f.Value)).OrderByDescending(f => f.Devices.Count).ThenBy(f => f.Field, StringComparer.Ordinal)]);
    }

    /// <summary>The newest row per device (rows come newest first).</summary>
    private static Dictionary<string, RunRow> ByDevice(IEnumerable<RunRow> rows)
    {
        var byDevice = new Dictionary<string, RunRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            byDevice.TryAdd(row.Device, row);
        }

        return byDevice;
    }

    private static StatusTally Tally(IEnumerable<(string? Status, int Count)> counts, int missing)
    {
        int compliant = 0, divergent = 0, error = 0, unknown = 0;
        foreach (var (status, count) in counts)
        {
            switch (status)
            {
                case ComplianceStatus.Compliant: compliant += count; break;
                case ComplianceStatus.Divergent: divergent += count; break;
                case ComplianceStatus.Error: error += count; break;
                default: unknown += count; break; // unreadable, or a status the contract does not know
            }
        }

        return new StatusTally(compliant, divergent, error, unknown, missing);
    }

    private sealed record RunRow(string Day, string Device, string Status, int? Count, string? DivergentFields);
}

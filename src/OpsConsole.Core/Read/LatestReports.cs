using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read;

/// <summary>
/// The newest compliance report of every device (<see cref="IndexQueries.LatestReportPerDevice"/>), worked out
/// once per index version and shared by the device list and the compliance list's "latest only" view. The query
/// costs one index seek per device (10,000 at NOC scale, about half a second); asked per request it was the
/// slowest page of the console, and its answer only changes when the index does.
/// </summary>
public sealed class LatestReports(IDbContextFactory<IndexDbContext> dbFactory, IndexVersionMemo memo)
{
    /// <summary>Device name → its newest report, for the current index version.</summary>
    public Task<IReadOnlyDictionary<string, ComplianceReportRow>> ByDeviceAsync() =>
        memo.GetOrAddAsync("latest-report-per-device", async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var rows = await db.LatestReportPerDevice().Where(a => a.Device != null).Select(ArtifactProjections.ComplianceReport).ToListAsync();
            IReadOnlyDictionary<string, ComplianceReportRow> byDevice = rows.GroupBy(a => a.Device!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            return byDevice;
        });
}

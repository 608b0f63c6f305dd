using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Engagement;

/// <summary>
/// The engagement reads of the index: the device list (packages, validation status, answers' newest time,
/// finalized markers) and the week-1 execution files of a device. One device's own files are read through the
/// store by the pages. Never writes.
/// </summary>
public sealed class EngagementReads(IDbContextFactory<IndexDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The statuses the list filters by ("overdue" is a due-date filter, not a validation status).</summary>
    public static readonly string[] Statuses = ["not-started", "failed", "passed", "finalized", "overdue"];

    /// <summary>Every device with a package, filtered by team and status, soonest due date first; and every team named.</summary>
    public async Task<(IReadOnlyList<EngagementListRow> Rows, IReadOnlyList<string> Teams)> ListAsync(string? team, string? status)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        // One range scan of the folder, only the columns the typed rows below need; each record then goes
        // through its kind's projection, so this class never interprets a facet column itself.
        var records = await db.Artifacts.AsNoTracking().UnderFolder("engagement")
            .Select(a => new ArtifactRecord
            {
                Path = a.Path,
                Kind = a.Kind,
                Device = a.Device,
                Category = a.Category,
                AtTicks = a.AtTicks,
                Status = a.Status,
                Readable = a.Readable,
                Problem = a.Problem,
            })
            .ToListAsync();
        var rows = records.Select(ArtifactProjections.ToRow).ToList();
        var packages = rows.OfType<EngagementPackageRow>().Where(p => p.Device is not null).ToList();
        var validations = rows.OfType<EngagementValidationRow>().Where(v => v.Device is not null).ToDictionary(v => v.Device!, StringComparer.Ordinal);
        var responses = rows.OfType<EngagementResponsesRow>().Where(r => r.Device is not null).ToDictionary(r => r.Device!, StringComparer.Ordinal);
        var finalized = records.Where(r => r.Path.EndsWith("/finalized.json", StringComparison.Ordinal)).Select(r => r.Path.Split('/')[1]).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();

        var list = packages.Select(p =>
        {
            var isFinal = finalized.Contains(p.Device!);
            var validation = validations.GetValueOrDefault(p.Device!);
            var state = isFinal ? "finalized" : validation is { Readable: true, Status: { } s } ? s : "not-started";
            var stale = validation?.GeneratedAt is { } v && responses.GetValueOrDefault(p.Device!)?.LastRespondedAt is { } r && r > v;
            return new EngagementListRow(p.Device!, p.Team ?? "", p.DueAt, null, state, stale, !isFinal && p.DueAt < now,
                p.Readable ? null : p.Problem);
        });

        if (!string.IsNullOrWhiteSpace(team))
        {
            list = list.Where(r => r.Team == team);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            list = status == "overdue" ? list.Where(r => r.Overdue) : list.Where(r => r.Status == status);
        }

        var teams = packages.Select(p => p.Team).OfType<string>().Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        return (list.OrderBy(r => r.DueAt).ThenBy(r => r.Device, StringComparer.Ordinal).ToList(), teams);
    }

    /// <summary>
    /// The week-1 execution log and report for <paramref name="device"/>: files under executions/ whose name holds
    /// the device name and "week1"; when none name the device, the week-1 files of the whole run. Path order.
    /// </summary>
    public async Task<IReadOnlyList<ExecutionRow>> Week1ExecutionsAsync(string device)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var all = await db.Artifacts.AsNoTracking()
            .Where(a => a.Kind == nameof(ArtifactKind.ExecutionLog) || a.Kind == nameof(ArtifactKind.ExecutionReport))
            .Select(ArtifactProjections.Execution)
            .ToListAsync();
        static bool IsWeek1(string path) => path.Contains("week1", StringComparison.OrdinalIgnoreCase) || path.Contains("week-1", StringComparison.OrdinalIgnoreCase);
        var week1 = all.Where(e => IsWeek1(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var forDevice = week1.Where(e => e.Path.Contains(device, StringComparison.Ordinal)).ToList();
        return forDevice.Count > 0 ? forDevice : week1;
    }
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Operations;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Operations;

/// <summary>
/// The controlled-operation reads: cycles come from the index, each cycle's ladder is evaluated from its
/// files through the (cached) store; the index also says which cited files exist, which devices week 1
/// engages and which batch plans the gates cite. Nothing here writes anything.
/// </summary>
public sealed class OperationReads(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, IndexVersionMemo memo)
{
    /// <summary>The artifact root (shown in empty states and used in local commands).</summary>
    public string Root => store.Root;

    /// <summary>One page of cycles (ids from the index, in id order), each with its evaluated ladder.</summary>
    public async Task<PagedList<LadderEvaluation>> CyclesAsync(PageRequest request)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ids = db.OfKind(ArtifactKind.Cycle).Where(a => a.Key != null)
            .Select(a => a.Key!).Distinct().OrderBy(k => k).ToPage(request);
        var rows = ids.Items.Where(OperationIds.IsValid).Select(Evaluate).ToList();
        return new PagedList<LadderEvaluation>(rows, ids.Total, ids.Request);
    }

    /// <summary>The evaluated cycle, or null when no such cycle exists (neither indexed nor on disk).</summary>
    public async Task<LadderEvaluation?> CycleAsync(string cycleId)
    {
        if (!OperationIds.IsValid(cycleId))
        {
            return null;
        }

        var path = GateLadder.CyclePath(cycleId);
        await using var db = await dbFactory.CreateDbContextAsync();
        var indexed = await db.Artifacts.AsNoTracking().AnyAsync(a => a.Path == path);
        return indexed || store.Load(path) is not null ? Evaluate(cycleId) : null;
    }

    /// <summary>Which of <paramref name="paths"/> the index holds (one lookup for all of them).</summary>
    public async Task<IReadOnlySet<string>> IndexedPathsAsync(IReadOnlyCollection<string> paths)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.Artifacts.AsNoTracking().Where(a => paths.Contains(a.Path)).Select(a => a.Path).ToListAsync())
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The devices of week 1: those whose engagement files the week-1 gates cite; without any, every device
    /// with an indexed package, in name order.
    /// </summary>
    public async Task<IReadOnlyList<EngagedDevice>> Week1DevicesAsync(LadderEvaluation cycle)
    {
        var cited = cycle.Steps.Where(s => s.Stage == "week1").SelectMany(s => s.Gate?.Evidence ?? [])
            .Select(p => p.Split('/')).Where(p => p is ["engagement", _, _] && DeviceNames.IsValid(p[1])).Select(p => p[1])
            .Distinct(StringComparer.Ordinal).ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Artifacts.AsNoTracking().UnderFolder("engagement")
            .Select(a => new { a.Path, a.Kind, a.DeviceId }).ToListAsync();
        var names = cited.Count > 0 ? cited
            : [.. rows.Where(r => r.Kind == nameof(ArtifactKind.EngagementPackage)).Select(r => r.Path.Split('/')[1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return [.. names.Select(n => new EngagedDevice(n,
            rows.FirstOrDefault(r => r.Path == $"engagement/{n}/package.json")?.DeviceId,
            rows.Any(r => r.Path == $"engagement/{n}/package.json"),
            rows.Any(r => r.Path == $"engagement/{n}/responses.csv"),
            rows.Any(r => r.Path == $"engagement/{n}/validation.json")))];
    }

    /// <summary>
    /// Batch plans the cycle's gates cite, in citation order, with the plan's device and the id the INVENTORY
    /// gives it: a suggested validate command must compare the plan with the inventory, not with itself.
    /// </summary>
    public async Task<IReadOnlyList<CitedPlan>> CitedPlansAsync(LadderEvaluation cycle)
    {
        var cited = cycle.Steps.SelectMany(s => s.Gate?.Evidence ?? []).Where(p => p.StartsWith("batches/plans/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Artifacts.AsNoTracking().Where(a => cited.Contains(a.Path)).Select(a => new { a.Path, a.Device }).ToListAsync();
        var names = rows.Select(r => r.Device).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var inventory = await db.Devices.AsNoTracking().Where(d => names.Contains(d.Name)).ToDictionaryAsync(d => d.Name, d => d.NetboxId, StringComparer.Ordinal);
        return [.. cited.Select(p => rows.FirstOrDefault(r => r.Path == p) is { Device: { } device }
            ? new CitedPlan(p, device, inventory.TryGetValue(device, out var id) ? id : null)
            : new CitedPlan(p, null, null))];
    }

    /// <summary>The default export time of an evidence pack (<see cref="EvidencePackAsOf.NewestIndexedChange"/>).</summary>
    public async Task<DateTimeOffset> EvidencePackAsOfAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return EvidencePackAsOf.NewestIndexedChange(db);
    }

    // The ladder as its cycle and gate files say, evaluated once per index version: every cycle, stage and gate page
    // shows it, and evaluating reads the cycle file and every gate file. A changed file is a new index version.
    private LadderEvaluation Evaluate(string cycleId) =>
        memo.GetOrAdd("operation-ladder\u001f" + cycleId, () => GateLadder.Evaluate(cycleId, store.Load));
}

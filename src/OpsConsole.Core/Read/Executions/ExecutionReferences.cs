using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Operations;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Executions;

/// <summary>
/// The artifacts related to one execution file: gates citing it, its cycle, batches and their devices, the report
/// naming a log or the log a report names. The execution page turns them into links.
/// </summary>
public sealed class ExecutionReferences(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, ExecutionReads executions, IndexVersionMemo memo)
{
    /// <summary>
    /// Everything related to the execution file <paramref name="row"/>, remembered per index version and path: the
    /// references change only when an indexed file does, and a log is opened again and again during an incident.
    /// </summary>
    public Task<ExecutionReferenceSet> OfAsync(ExecutionRow row) =>
        memo.GetOrAddAsync("execution-references\u001f" + row.Path, () => ReadAsync(row));

    private async Task<ExecutionReferenceSet> ReadAsync(ExecutionRow row)
    {
        var path = row.Path;
        var subjects = row.SubjectList;
        await using var db = await dbFactory.CreateDbContextAsync();

        // Gates: those whose evidence names this file, and the gate its name gives (cycle-002-<gate>.log).
        var gates = (await GateEvidenceAsync())
            .Where(g => (subjects.Gates.Contains(g.Gate.GateId!) && subjects.Cycles.Contains(g.Gate.CycleId!)) || g.Evidence.Contains(path))
            .Select(g => g.Gate).ToList();

        var cycles = await db.OfKind(ArtifactKind.Cycle).Where(a => subjects.Cycles.Contains(a.Key!)).Select(a => a.Key!).ToListAsync();

        // Batches that exist (a plan or a run), and the devices their plans name.
        var batchRows = await db.Artifacts.AsNoTracking()
            .Where(a => (a.Kind == nameof(ArtifactKind.BatchPlan) && subjects.Batches.Contains(a.Key!))
                || (a.Kind == nameof(ArtifactKind.BatchResult) && subjects.Batches.Contains(a.GroupKey!)))
            .Select(a => new { a.Kind, a.Key, a.GroupKey, a.Device }).ToListAsync();
        var batches = subjects.Batches.Where(b => batchRows.Any(r => r.Key == b || r.GroupKey == b)).ToList();

        var deviceNames = subjects.Devices.Concat(batchRows.Where(r => r.Kind == nameof(ArtifactKind.BatchPlan) && r.Device is not null).Select(r => r.Device!))
            .Where(DeviceNames.IsValid).Distinct(StringComparer.Ordinal).ToList();
        var packages = deviceNames.Select(d => $"engagement/{d}/package.json").ToList();
        var engaged = (await db.Artifacts.AsNoTracking().Where(a => packages.Contains(a.Path)).Select(a => a.Path).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var inventory = (await db.Devices.AsNoTracking().Where(x => deviceNames.Contains(x.Name)).Select(x => x.Name).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var devices = deviceNames.Select(d => new ReferencedDevice(d, inventory.Contains(d), engaged.Contains($"engagement/{d}/package.json"))).ToList();

        var companions = await executions.CompanionPathsAsync(path, subjects.Log);
        return new ExecutionReferenceSet(gates, [.. cycles.Where(OperationIds.IsValid).Order(StringComparer.Ordinal)], batches, devices, companions);
    }

    // Every readable gate with the evidence paths its file cites, read once per index version: a view of an
    // execution file then asks a list in memory instead of reading every gate file again (at most 5,000 gates).
    private Task<IReadOnlyList<(GateRow Gate, HashSet<string> Evidence)>> GateEvidenceAsync() =>
        memo.GetOrAddAsync("execution-references-gate-evidence", async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var candidates = await db.OfKind(ArtifactKind.Gate).Where(a => a.Readable).Take(5000).Select(ArtifactProjections.Gate).ToListAsync();
            return (IReadOnlyList<(GateRow, HashSet<string>)>)[.. candidates
                .Where(g => OperationIds.IsValid(g.GateId) && OperationIds.IsValid(g.CycleId))
                .Select(g => (g, (store.LoadDocument<Gate>(g.Path)?.Evidence ?? []).ToHashSet(StringComparer.Ordinal)))];
        });
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Approvals;

/// <summary>
/// The approvals for the queue and the timeline: every approval file with its findings, computed once per
/// <see cref="IndexState.Version"/> (the paths come from the index, the records from the store's parse cache;
/// approvals are few, so the queue filters this list in memory instead of re-reading files on every request),
/// and what one approval relates to (its batch plan, the batch's runs, the device's newest report).
/// </summary>
public sealed class ApprovalReads(IDbContextFactory<IndexDbContext> dbFactory, IndexState state, ArtifactStore store)
{
    private VersionedCache<List<ApprovalEntry>>? _cache;

    /// <summary>The entries for the current index version, ordered by path.</summary>
    public IReadOnlyList<ApprovalEntry> Current() =>
        LazyInitializer.EnsureInitialized(ref _cache, () => new VersionedCache<List<ApprovalEntry>>(state, _ => Compute())).Current();

    /// <summary>Every copy of <paramref name="id"/> (by record id or file name); normally one.</summary>
    public IReadOnlyList<ApprovalEntry> Find(string id) =>
        Current().Where(e => e.Id == id || e.FileId == id).ToList();

    /// <summary>The plan of <paramref name="batchId"/> (a safe id, see <see cref="ArtifactIds"/>) under batches/plans/, found or not.</summary>
    public RelatedPlan PlanOf(string batchId)
    {
        var path = $"batches/plans/{batchId}.json";
        var loaded = store.Load(path);
        return new RelatedPlan(path, loaded?.As<BatchPlan>(), loaded?.Problem, loaded is not null);
    }

    /// <summary>The runs of <paramref name="batchId"/>, newest first.</summary>
    public async Task<IReadOnlyList<BatchRunRow>> RunsOfBatchAsync(string batchId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.OfKind(ArtifactKind.BatchResult).Where(a => a.GroupKey == batchId)
            .OrderByDescending(a => a.AtTicks).ThenBy(a => a.Path)
            .Select(ArtifactProjections.BatchRun).ToListAsync();
    }

    /// <summary>
    /// The newest compliance report of <paramref name="device"/> by day folder, then time (the timeline's
    /// "what does the device look like now"), readable or not; null when it has none.
    /// </summary>
    public async Task<ComplianceReportRow?> NewestReportAsync(string device)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.OfKind(ArtifactKind.ComplianceReport).Where(a => a.Device == device)
            .OrderByDescending(a => a.Day).ThenByDescending(a => a.AtTicks).ThenBy(a => a.Path)
            .Select(ArtifactProjections.ComplianceReport).FirstOrDefaultAsync();
    }

    private List<ApprovalEntry> Compute()
    {
        List<string> paths;
        using (var db = dbFactory.CreateDbContext())
        {
            paths = db.OfKind(ArtifactKind.Approval).Select(a => a.Path).ToList();
        }

        var entries = paths.Order(StringComparer.Ordinal).Select(Read).OfType<ApprovalEntry>().ToList();

        // The same id in two folders (an interrupted move) is shown on every copy.
        var duplicates = entries.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Path).ToList(), StringComparer.Ordinal);
        return entries.Select(e => duplicates.TryGetValue(e.Id, out var copies)
            ? e with { Findings = [.. e.Findings, new ApprovalFinding(ApprovalRules.Duplicate, $"{e.Id} exists in {copies.Count} places: {string.Join(", ", copies)}")] }
            : e).ToList();
    }

    private ApprovalEntry? Read(string path)
    {
        var parts = path.Split('/');
        if (parts.Length != 3 || store.Load(path) is not { } loaded)
        {
            return null; // gone since it was indexed
        }

        var folder = parts[1];
        var fileId = ApprovalPaths.IdOfRecordFile(parts[2]) ?? parts[2];
        if (!loaded.IsReadable || loaded.As<ApprovalRecord>() is not { } record)
        {
            var problem = loaded.Problem ?? "not an approval record";
            return new ApprovalEntry(path, folder, fileId, fileId, null, problem,
                [new ApprovalFinding(ApprovalRules.Unreadable, $"{path} is unreadable: {problem}")], null);
        }

        var entered = record.History.LastOrDefault(h => h.To == folder)?.At ?? record.History.LastOrDefault()?.At ?? record.RequestedAt;
        return new ApprovalEntry(path, folder, record.ApprovalId, fileId, record, null,
            ApprovalConsistency.Check(record, folder, parts[2]), entered);
    }
}

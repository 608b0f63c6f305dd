using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Pages.Approvals;

/// <summary>One approval file as the queue and the timeline see it: where it lies, what it says, what is wrong with it.</summary>
/// <param name="Path">Root-relative path.</param>
/// <param name="FolderState">The state folder it lies in (the current state per the contract).</param>
/// <param name="Id">The record's <c>approval_id</c>, or the id in the file name when unreadable.</param>
/// <param name="FileId">The id in the file name.</param>
/// <param name="Record">The parsed record; null when unreadable.</param>
/// <param name="Problem">Why it is unreadable; null when readable.</param>
/// <param name="Findings">Consistency and separation-of-duties findings (an unreadable file has one).</param>
/// <param name="EnteredStateAt">When it entered its current state (last history entry to it), else when requested.</param>
public sealed record ApprovalEntry(string Path, string FolderState, string Id, string FileId, ApprovalRecord? Record, string? Problem,
    IReadOnlyList<ApprovalFinding> Findings, DateTimeOffset? EnteredStateAt)
{
    /// <summary>True when a check found something (unreadable included).</summary>
    public bool IsInconsistent => Findings.Count > 0;

    /// <summary>True while nobody has decided yet (proposed or pending).</summary>
    public bool IsUndecided => FolderState is ApprovalStates.Proposed or ApprovalStates.Pending;
}

/// <summary>
/// Every approval file with its findings, computed once per <see cref="IndexState.Version"/>: the
/// paths come from the index, the records from the store's parse cache. Approvals are few, so the
/// queue filters this list in memory instead of re-reading files on every request.
/// </summary>
public sealed class ApprovalOverview(IDbContextFactory<IndexDbContext> dbFactory, IndexState state, ArtifactStore store)
{
    private VersionedCache<List<ApprovalEntry>>? _cache;

    /// <summary>The entries for the current index version, ordered by path.</summary>
    public IReadOnlyList<ApprovalEntry> Current() => LazyInitializer.EnsureInitialized(ref _cache, () => new VersionedCache<List<ApprovalEntry>>(state, _ => Compute())).Current();

    /// <summary>Every copy of <paramref name="id"/> (by record id or file name); normally one.</summary>
    public IReadOnlyList<ApprovalEntry> Find(string id) =>
        Current().Where(e => e.Id == id || e.FileId == id).ToList();

    private List<ApprovalEntry> Compute()
    {
        List<string> paths;
        using (var db = dbFactory.CreateDbContext())
        {
            var kind = nameof(ArtifactKind.Approval);
            paths = db.Artifacts.AsNoTracking().Where(a => a.Kind == kind).Select(a => a.Path).ToList();
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

using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Approvals;

/// <summary>What a repair did (or why it could not).</summary>
/// <param name="Id">The approval id.</param>
/// <param name="Resolved">True when one valid record is left.</param>
/// <param name="Kept">The record kept (root-relative); null when unresolved.</param>
/// <param name="Removed">Files removed (duplicates and leftover temp files).</param>
/// <param name="Message">A sentence for the operator.</param>
public sealed record DuplicateRepair(string Id, bool Resolved, string? Kept, IReadOnlyList<string> Removed, string Message);

/// <summary>
/// Repairs what an interrupted move leaves behind: the same id in two state folders, or a temp
/// file. It only removes a copy whose history is a strict prefix of (or equal to) the kept copy's,
/// and keeps a copy only when its folder matches its state, which is exactly what a crash between
/// rename and delete produces. Anything else (copies that disagree, an unreadable copy) is reported
/// and left for a person.
/// </summary>
public static class ApprovalDuplicateRepair
{
    /// <summary>
    /// Repairs every id that has duplicates or temp files. An id whose lock is held by another
    /// process is skipped (that process is mid-move and will finish it).
    /// </summary>
    public static IReadOnlyList<DuplicateRepair> RepairAll(ApprovalRepository repository, TimeSpan lockWait)
    {
        var store = repository.Store;
        var suspects = repository.ListAll().GroupBy(a => a.FileId).Where(g => g.Count() > 1).Select(g => g.Key)
            .Concat(TempFiles(store, id: null).Select(t => ApprovalPaths.IdOfTempFile(Path.GetFileName(t))!))
            .Where(ApprovalPaths.IsValidId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var repairs = new List<DuplicateRepair>();
        foreach (var id in suspects)
        {
            using var held = ApprovalLock.TryAcquire(store, id, lockWait);
            if (held is null)
            {
                continue;
            }

            if (RepairLocked(store, repository, id) is { } repair)
            {
                repairs.Add(repair);
            }
        }

        return repairs;
    }

    /// <summary>Repairs <paramref name="id"/>; the caller holds its lock. Null when there was nothing to repair.</summary>
    public static DuplicateRepair? RepairLocked(Storage.ArtifactStore store, ApprovalRepository repository, string id)
    {
        var removed = new List<string>();
        foreach (var temp in TempFiles(store, id))
        {
            File.Delete(temp);
            removed.Add(Storage.SafePath.ToRelative(store.Root, temp));
        }

        var copies = repository.FindCopies(id);
        if (copies.Count <= 1)
        {
            return removed.Count == 0 ? null
                : new DuplicateRepair(id, true, (copies.Count == 1 ? copies[0].RelativePath : null), removed, $"{id}: removed {removed.Count} leftover temporary file(s) of an interrupted move");
        }

        var where = string.Join(" and ", copies.Select(c => c.RelativePath));
        if (copies.FirstOrDefault(c => c.Record is null) is { } broken)
        {
            return Unresolved(id, removed, $"{id} exists as {where}; {broken.RelativePath} is unreadable ({broken.Problem}), so neither can be chosen safely: resolve by hand");
        }

        var ordered = copies
            .OrderByDescending(c => c.Record!.History.Count)
            .ThenByDescending(c => c.Record!.History.Count == 0 ? DateTimeOffset.MinValue : c.Record!.History[^1].At)
            .ThenByDescending(c => c.Record!.State == c.FolderState)
            .ToList();
        var winner = ordered[0];
        var kept = winner.Record!;
        if (kept.State != winner.FolderState || kept.ApprovalId != id)
        {
            return Unresolved(id, removed, $"{id} exists as {where}; the most advanced copy {winner.RelativePath} is itself inconsistent (state \"{kept.State}\"): resolve by hand");
        }

        foreach (var loser in ordered.Skip(1))
        {
            if (!IsPrefix(loser.Record!.History, kept.History) || loser.Record.ApprovalId != id)
            {
                return Unresolved(id, removed, $"{id} exists as {where} and their histories disagree (not one move interrupted): resolve by hand");
            }
        }

        foreach (var loser in ordered.Skip(1))
        {
            File.Delete(store.Resolve(loser.RelativePath)!);
            removed.Add(loser.RelativePath);
        }

        return new DuplicateRepair(id, true, winner.RelativePath, removed,
            $"{id} was in {copies.Count} state folders (an interrupted move); kept {winner.RelativePath} ({kept.History.Count} history entries), removed {string.Join(", ", ordered.Skip(1).Select(l => l.RelativePath))}");
    }

    private static DuplicateRepair Unresolved(string id, List<string> removed, string message) => new(id, false, null, removed, message);

    private static bool IsPrefix(List<ApprovalHistoryEntry> shorter, List<ApprovalHistoryEntry> longer) =>
        shorter.Count <= longer.Count && shorter.SequenceEqual(longer.Take(shorter.Count));

    private static IEnumerable<string> TempFiles(Storage.ArtifactStore store, string? id)
    {
        foreach (var state in ApprovalPaths.States)
        {
            var folder = store.Resolve(ApprovalPaths.StateFolder(state));
            if (folder is null || !Directory.Exists(folder))
            {
                continue;
            }

            var pattern = id is null ? ".approval-*.tmp" : ApprovalPaths.TempPrefix(id) + "*.tmp";
            foreach (var file in Directory.EnumerateFiles(folder, pattern, new EnumerationOptions { AttributesToSkip = 0 }))
            {
                if (ApprovalPaths.IdOfTempFile(Path.GetFileName(file)) is { } owner && (id is null || owner == id))
                {
                    yield return file;
                }
            }
        }
    }
}

using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Approvals;

/// <summary>The result of a decision attempt: refusals, or where the record went.</summary>
public sealed record DecisionOutcome
{
    /// <summary>Why it was refused; empty when applied.</summary>
    public IReadOnlyList<ApprovalFinding> Refusals { get; init; } = [];

    /// <summary>Where the record was (root-relative); null when not found.</summary>
    public string? OldPath { get; init; }

    /// <summary>Where the record is now; null when refused.</summary>
    public string? NewPath { get; init; }

    /// <summary>The record after the decision; null when refused.</summary>
    public ApprovalRecord? Record { get; init; }

    /// <summary>Duplicates repaired before deciding.</summary>
    public IReadOnlyList<DuplicateRepair> Repairs { get; init; } = [];

    /// <summary>True when the decision was written.</summary>
    public bool IsApplied => NewPath is not null && Refusals.Count == 0;
}

/// <summary>
/// Approval records on disk: finds them by id across the state folders (through
/// <see cref="ArtifactStore.Resolve"/>), and applies decisions under a per-id lock with an atomic
/// move (temp file in the target folder, flush, rename, then remove the old file).
/// </summary>
public sealed class ApprovalRepository(ArtifactStore store, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>How long a decision waits for another process's lock before giving up.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The store this repository reads and writes through.</summary>
    public ArtifactStore Store => store;

    /// <summary>Every <c>approvals/&lt;state&gt;/approval-*.json</c>, readable or not, ordered by path.</summary>
    public IReadOnlyList<StoredApproval> ListAll()
    {
        var all = new List<StoredApproval>();
        foreach (var state in ApprovalPaths.States)
        {
            var folder = store.Resolve(ApprovalPaths.StateFolder(state));
            if (folder is null || !Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "approval-*.json").Order(StringComparer.Ordinal))
            {
                if (Read($"{ApprovalPaths.StateFolder(state)}/{Path.GetFileName(file)}", state) is { } found)
                {
                    all.Add(found);
                }
            }
        }

        return all;
    }

    /// <summary>Every copy of <paramref name="id"/> (normally one; two after a crash mid-move).</summary>
    public IReadOnlyList<StoredApproval> FindCopies(string id)
    {
        if (!ApprovalPaths.IsValidId(id))
        {
            return [];
        }

        return ApprovalPaths.States.Select(s => Read(ApprovalPaths.RecordPath(s, id), s)).OfType<StoredApproval>().ToList();
    }

    /// <summary>
    /// Decides <paramref name="action"/> on <paramref name="id"/>. A decision refused on a first,
    /// unlocked read changes nothing on disk (not even a lock file). Otherwise the lock is taken,
    /// leftover duplicates are repaired, the record is re-read and re-validated, and then moved.
    /// </summary>
    public DecisionOutcome Decide(string id, ApprovalAction action, string actor, string reason, IApprovalBlockers blockers, string? osUser = null)
    {
        if (!ApprovalPaths.IsValidId(id))
        {
            return Refused(null, new ApprovalFinding(ApprovalRules.NotFound, $"\"{id}\" is not a valid approval id (letters, digits, '.', '_', '-')"));
        }

        // First look without the lock: most refusals (self-approval, wrong state) need no lock.
        // Anything ambiguous (no copy, two copies, unreadable) is settled under the lock instead,
        // because a concurrent move can briefly show either.
        var first = FindCopies(id);
        if (first is [{ Record: { } early } only])
        {
            var preview = ApprovalDecider.Decide(early, only.FolderState, Decision(action, actor, reason, osUser), blockers);
            if (!preview.IsAccepted)
            {
                return Refused(only.RelativePath, [.. preview.Refusals]);
            }
        }

        using var held = ApprovalLock.TryAcquire(store, id, LockWait);
        if (held is null)
        {
            return Refused(null, new ApprovalFinding(ApprovalRules.Locked, $"another process is deciding {id} right now; try again in a moment"));
        }

        var repair = ApprovalDuplicateRepair.RepairLocked(store, this, id);
        IReadOnlyList<DuplicateRepair> repairs = repair is null ? [] : [repair];
        if (repair is { Resolved: false })
        {
            return Refused(null, new ApprovalFinding(ApprovalRules.Duplicate, repair.Message)) with { Repairs = repairs };
        }

        var copies = FindCopies(id);
        if (copies.Count == 0)
        {
            return Refused(null, new ApprovalFinding(ApprovalRules.NotFound, $"no approval {id} in {string.Join(", ", ApprovalPaths.States.Select(s => ApprovalPaths.StateFolder(s) + "/"))}")) with { Repairs = repairs };
        }

        var current = copies[0];
        if (current.Record is not { } record)
        {
            return Refused(current.RelativePath, new ApprovalFinding(ApprovalRules.Unreadable, $"{current.RelativePath} is unreadable: {current.Problem}")) with { Repairs = repairs };
        }

        var result = ApprovalDecider.Decide(record, current.FolderState, Decision(action, actor, reason, osUser), blockers);
        if (!result.IsAccepted)
        {
            return Refused(current.RelativePath, [.. result.Refusals]) with { Repairs = repairs };
        }

        var bytes = ApprovalJsonPatch.Apply(current.Bytes, result.Entry!, action.To);
        var newPath = ApprovalPaths.RecordPath(action.To, id);
        ApprovalFileMove.Move(store, current.RelativePath, newPath, id, bytes);
        return new DecisionOutcome { OldPath = current.RelativePath, NewPath = newPath, Record = result.Record, Repairs = repairs };
    }

    /// <summary>Reads one record fresh from disk; null when absent or not allowed by the store.</summary>
    internal StoredApproval? Read(string rel, string state)
    {
        var full = store.Resolve(rel);
        if (full is null || !File.Exists(full))
        {
            return null;
        }

        byte[]? bytes;
        try
        {
            bytes = store.ReadBytes(rel);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new StoredApproval(rel, state, [], null, $"the file cannot be read ({ex.GetType().Name})");
        }

        if (bytes is null)
        {
            return File.Exists(full)
                ? new StoredApproval(rel, state, [], null, $"the file is over the {store.MaxBytes / 1024.0 / 1024.0:0.#} MiB size cap")
                : null;
        }

        var outcome = ArtifactParser.Parse(ArtifactKind.Approval, bytes);
        return new StoredApproval(rel, state, bytes, outcome.Document as ApprovalRecord, outcome.Problem);
    }

    private ApprovalDecision Decision(ApprovalAction action, string actor, string reason, string? osUser) =>
        new(action, actor, reason, _clock.GetUtcNow(), osUser);

    private static DecisionOutcome Refused(string? path, params ApprovalFinding[] refusals) =>
        new() { OldPath = path, Refusals = refusals };
}

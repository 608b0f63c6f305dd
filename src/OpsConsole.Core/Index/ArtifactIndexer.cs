using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Index;

/// <summary>Counts from one index pass.</summary>
public sealed record IndexPassResult(int Seen, int Added, int Updated, int Removed, int Unreadable, TimeSpan Elapsed)
{
    /// <summary>True when the pass changed the index.</summary>
    public bool Changed => Added + Updated + Removed > 0;
}

/// <summary>
/// Keeps the SQLite catalogue in step with the artifact root. A full pass streams the folder,
/// re-reads only files whose length or modified time changed, parses them in parallel and writes
/// in batches; <see cref="RefreshAsync"/> re-indexes a few known paths (file watcher events).
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "One indexer per process; its SemaphoreSlim is only awaited (no wait handle is ever created), so there is nothing to release.")]
public sealed partial class ArtifactIndexer
{
    private const int BatchSize = 1000;

    // Paths removed from the catalogue per round of statements (an archive of 30 days removes 300,000).
    private const int RemovalChunk = 5_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArtifactStore _store;
    private readonly Func<IndexDbContext> _createDb;
    private readonly IndexState _state;
    private readonly ArtifactTreeWalker _walker;
    private readonly Executions.LogLineIndexStore _logLines;

    /// <summary>
    /// An indexer of <paramref name="store"/>'s root into the database <paramref name="createDb"/> opens.
    /// <paramref name="state"/>'s version then follows the version stored in that database.
    /// </summary>
    public ArtifactIndexer(ArtifactStore store, Func<IndexDbContext> createDb, IndexState state, ArtifactTreeWalker? walker = null)
    {
        _store = store;
        _createDb = createDb;
        _state = state;
        _walker = walker ?? ArtifactTreeWalker.Default;
        _logLines = new Executions.LogLineIndexStore(createDb);
        state.UseStoredVersion(ReadStoredVersion);
    }

    /// <summary>
    /// A first pass (not ready yet) into an empty catalogue with at least this many files loads without
    /// the secondary SQL indexes and builds them at the end.
    /// </summary>
    internal int BulkLoadThreshold { get; set; } = 10_000;

    /// <summary>The clock that dates change-journal rows (tests set it).</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Walks the whole root and reconciles the catalogue with it. Changed files are read and parsed on
    /// every core while one writer stores finished batches, so parsing and writing overlap. Folders the
    /// walk could not enter and files the _store refuses are catalogued as unreadable, never dropped.
    /// </summary>
    public async Task<IndexPassResult> FullPassAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            TreeWalk? walk = null;
            if (_store.IsRootAvailable)
            {
                try
                {
                    walk = _walker.Walk(_store.Root);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    walk = null;
                }
            }

            if (walk is null)
            {
                _state.RootAvailable = false;
                _state.LastError = "artifact root unavailable";
                return new IndexPassResult(0, 0, 0, 0, _state.UnreadableCount, started.Elapsed);
            }

            _state.RootAvailable = true;

            // The catalogue is read while the folder is walked.
            var known = await Task.Run(() => LoadKnown(ct), ct);
            var journal = StartJournal();
            var files = walk.Files;
            var present = new HashSet<string>(files.Count, StringComparer.Ordinal);
            var pending = new List<string>();
            foreach (var (rel, size, mtime) in files)
            {
                present.Add(rel);
                if (!known.TryGetValue(rel, out var k) || k.Size != size || k.Mtime != mtime)
                {
                    pending.Add(rel);
                }
            }

            // A bundle's row says whether its sidecar checksum matches: a changed sidecar is a changed bundle.
            pending.AddRange(pending.Select(ArchiveBundleRecord.BundleOfSidecar).OfType<string>().Where(present.Contains).Except(pending).ToList());

            var folders = new List<InspectedFile>();
            foreach (var folder in walk.UnreadableFolders)
            {
                present.Add(folder.Rel);
                if (!known.TryGetValue(folder.Rel, out var k) || k.RefusedProblem != folder.Reason)
                {
                    folders.Add(FolderRecord(folder, !known.ContainsKey(folder.Rel)));
                }
            }

            var bulk = !_state.Ready && known.Count == 0 && pending.Count >= BulkLoadThreshold;
            if (bulk)
            {
                using var db = _createDb();
                ArtifactIndexes.DropSecondary(db);
            }

            int added, updated;
            List<string> refused;
            try
            {
                (added, updated, refused) = await WriteAsync(pending, p => !known.ContainsKey(p), journal, ct);
                var (fa, fu) = WriteInspected(folders, journal);
                added += fa;
                updated += fu;
            }
            finally
            {
                if (bulk)
                {
                    using var db = _createDb();
                    ArtifactIndexes.EnsureAll(db);
                }
            }

            // A catalogued file that vanished between the walk and its read is gone too.
            var gone = known.Keys.Where(p => !present.Contains(p)).Concat(refused.Where(known.ContainsKey)).ToList();
            await RemoveAsync(gone, journal, ct);
            var result = new IndexPassResult(files.Count, added, updated, gone.Count, await CountUnreadableAsync(ct), started.Elapsed);
            MarkComplete();
            using (var db = _createDb())
            {
                journal.MarkBaselineIfFirst(db);
            }

            Publish(result, files.Count);
            _state.LastFullPassElapsed = result.Elapsed;
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Re-indexes the given root-relative paths (new, changed or deleted files).</summary>
    public async Task<IndexPassResult> RefreshAsync(IReadOnlyCollection<string> relativePaths, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var paths = relativePaths.Concat(relativePaths.Select(ArchiveBundleRecord.BundleOfSidecar).OfType<string>()).Distinct().ToList();
            var existing = _store.WithFileEntries(paths.Where(IsIndexable));
            var gone = paths.Except(existing).ToList();
            var journal = StartJournal();
            var (added, updated, refused) = await WriteAsync(existing, _ => false, journal, ct);
            gone.AddRange(refused);
            await RemoveAsync(gone, journal, ct);
            var result = new IndexPassResult(relativePaths.Count, added, updated, gone.Count, await CountUnreadableAsync(ct), started.Elapsed);
            Publish(result, null);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Files under the root (see <see cref="ArtifactTreeWalker"/>): dot-files and dot-folders skipped, folder links inside the root followed.</summary>
    public IEnumerable<(string Rel, long Size, long MtimeTicks)> EnumerateFiles() =>
        _walker.Walk(_store.Root).Files.Select(f => (f.Rel, f.Size, f.MtimeTicks));

    private static bool IsIndexable(string rel) => !rel.Split('/').Any(s => s.StartsWith('.'));

    /// <summary>What the catalogue holds for one path: enough to tell whether the file changed.</summary>
    private readonly record struct KnownFile(long Size, long Mtime, string? RefusedProblem);

    private Dictionary<string, KnownFile> LoadKnown(CancellationToken ct)
    {
        using var db = _createDb();
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Path", "Size", "MtimeTicks", CASE WHEN "Refused" THEN "Problem" END FROM artifacts""";
        using var reader = command.ExecuteReader();
        var known = new Dictionary<string, KnownFile>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            known[reader.GetString(0)] = new(reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return known;
    }

    private ChangeJournal StartJournal()
    {
        using var db = _createDb();
        return ChangeJournal.Start(db, Clock.GetUtcNow());
    }

    private async Task RemoveAsync(List<string> paths, ChangeJournal journal, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            return;
        }

        using var db = _createDb();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Each chunk goes as one parameter (EF.Parameter: a JSON array on SQLite, an array on PostgreSQL) rather than
        // EF's default of one parameter per path, which SQLite binds at a cost growing with the square of their number.
        foreach (var chunk in paths.Chunk(RemovalChunk))
        {
            await journal.RecordRemovalsAsync(db, chunk, ct);
            await db.Artifacts.Where(a => EF.Parameter(chunk).Contains(a.Path)).ExecuteDeleteAsync(ct);
            await db.Findings.Where(f => EF.Parameter(chunk).Contains(f.Path)).ExecuteDeleteAsync(ct);
            await db.LogLineIndexes.Where(l => EF.Parameter(chunk).Contains(l.Path)).ExecuteDeleteAsync(ct);
            await db.ArchivedReports.Where(r => EF.Parameter(chunk).Contains(r.Bundle)).ExecuteDeleteAsync(ct);
            await db.ArchivedReportCounts.Where(c => EF.Parameter(chunk).Contains(c.Bundle)).ExecuteDeleteAsync(ct);
            if (chunk.Contains("devices.json"))
            {
                await db.Devices.ExecuteDeleteAsync(ct);
            }
        }

        await db.Database.ExecuteSqlRawAsync(IndexWriter.BumpVersionSql, ct);
        await tx.CommitAsync(ct);
    }

    private async Task<int> CountUnreadableAsync(CancellationToken ct)
    {
        using var db = _createDb();
        return await db.Artifacts.CountAsync(a => !a.Readable, ct);
    }

    private void Publish(IndexPassResult result, int? fileCount)
    {
        if (fileCount is { } n)
        {
            _state.FileCount = n;
        }
        else
        {
            _state.FileCount += result.Added - result.Removed;
        }

        _state.UnreadableCount = result.Unreadable;
        _state.LastScanAt = DateTimeOffset.UtcNow;
        _state.LastError = null;
        if (result.Changed)
        {
            _state.Bump();
        }
    }
}

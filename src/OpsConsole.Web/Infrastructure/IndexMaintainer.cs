using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Database;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Infrastructure;

/// <summary>
/// Builds the index on start, then keeps it current: file-watcher events are batched and applied
/// within a fraction of a second, and a periodic full pass catches whatever the watcher dropped
/// (and notices the root disappearing or coming back). With a shared PostgreSQL index only the leader
/// (<see cref="IIndexLeadership"/>) does this; the others follow the version stored in the database and
/// take over when the leader is gone, starting with a full pass so nothing written meanwhile is missed.
/// </summary>
internal sealed class IndexMaintainer(
    ArtifactIndexer indexer,
    ArtifactStore store,
    IndexState state,
    AuditLog audit,
    IIndexLeadership leadership,
    IOptions<OpsConsoleOptions> options,
    IndexStartSignal startSignal,
    StopConditionJournalRecorder stopJournal,
    ILogger<IndexMaintainer> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    /// <summary>How often a follower refreshes its figures and tries to take the lead (takeover well within 10 s).</summary>
    private static readonly TimeSpan FollowerPoll = TimeSpan.FromSeconds(1);

    /// <summary>How often the leader checks that it still holds the lock.</summary>
    private static readonly TimeSpan LeaderCheck = TimeSpan.FromSeconds(2);

    private readonly Channel<string?> _changes = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true });
    private FileSystemWatcher? _watcher;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await startSignal.WaitAsync(stoppingToken);

        // A catalogue a previous run completed is served at once (lists may lag the disk until the
        // start-up pass below, which re-reads only changed files, ends; detail pages read the files).
        try
        {
            state.Ready = indexer.PublishCompleteIndex();
            state.ServingLastCompletedPass = state.Ready;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.IndexFailed(logger, ex);
        }

        var reason = "startup";
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await Task.Run(leadership.TryLead, stoppingToken))
            {
                Log.Following(logger);
                await FollowAsync(stoppingToken);
                reason = "takeover";
                continue;
            }

            Log.LeadershipTaken(logger);
            state.IsLeader = true;
            await LeadAsync(reason, stoppingToken);
            state.IsLeader = false;
            if (!stoppingToken.IsCancellationRequested)
            {
                Log.LeadershipLost(logger);
            }
        }
    }

    /// <summary>
    /// Follower: the leader indexes; this instance re-reads the catalogue's figures (its views follow the
    /// stored version by themselves) and tries to take the lead each poll. Returns once it leads.
    /// </summary>
    private async Task FollowAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                state.Ready = indexer.PublishCompleteIndex();
                state.ServingLastCompletedPass = false;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                // The database is unreachable: /health/ready and the pages already say so.
            }

            await Task.Delay(FollowerPoll, ct);
            if (await Task.Run(leadership.TryLead, ct))
            {
                return;
            }
        }
    }

    /// <summary>Leader: a full pass first, then the watcher and the periodic pass. Returns when the lead is lost.</summary>
    private async Task LeadAsync(string reason, CancellationToken stoppingToken)
    {
        // The watcher starts before the first pass: a file changed after the pass walked past it is
        // queued and applied right after the pass, not only by the next periodic pass.
        StartWatcher();
        await FullPassAsync(reason, stoppingToken);
        state.Ready = true;
        if (_watcher is null && state.RootAvailable)
        {
            StartWatcher();
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RescanSeconds));
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        var check = Task.Delay(LeaderCheck, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = _changes.Reader.WaitToReadAsync(stoppingToken).AsTask();
            var done = await Task.WhenAny(tick, read, check);
            if (done == check)
            {
                if (stoppingToken.IsCancellationRequested || !await Task.Run(leadership.TryLead, stoppingToken))
                {
                    StopWatcher();
                    return;
                }

                check = Task.Delay(LeaderCheck, stoppingToken);
                continue;
            }

            if (done == tick)
            {
                if (!await tick)
                {
                    break;
                }

                await FullPassAsync("periodic", stoppingToken);
                if (_watcher is null && state.RootAvailable)
                {
                    StartWatcher();
                }

                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                continue;
            }

            await Task.Delay(Debounce, stoppingToken);
            var paths = new HashSet<string>(StringComparer.Ordinal);
            var full = false;
            while (_changes.Reader.TryRead(out var path))
            {
                if (path is null)
                {
                    full = true;
                }
                else
                {
                    paths.Add(path);
                }
            }

            if (full)
            {
                await FullPassAsync("watcher", stoppingToken);
            }
            else if (paths.Count > 0)
            {
                await RunSafelyAsync(() => indexer.RefreshAsync(paths, stoppingToken));
            }
        }
    }

    private async Task FullPassAsync(string reason, CancellationToken ct)
    {
        var result = await RunSafelyAsync(() => indexer.FullPassAsync(ct));
        if (!state.RootAvailable)
        {
            Log.RootUnavailable(logger, store.Root);
            StopWatcher();
            return;
        }

        if (result is not null)
        {
            // Every file has now been re-checked by this process: conclusions are current again.
            state.ServingLastCompletedPass = false;
        }

        if (result is { } r && (reason is "startup" or "takeover" || r.Changed))
        {
            audit.Record("index.rebuild", "opsconsole", null, "web", "ok",
                $"{reason}: {r.Seen} files, {r.Added} added, {r.Updated} updated, {r.Removed} removed, {r.Unreadable} unreadable");
        }
    }

    private async Task<IndexPassResult?> RunSafelyAsync(Func<Task<IndexPassResult>> pass)
    {
        try
        {
            var r = await pass();
            if (r.Changed || r.Seen == 0)
            {
                Log.IndexPass(logger, r.Seen, r.Added, r.Updated, r.Removed, r.Unreadable, (long)r.Elapsed.TotalMilliseconds);
            }

            stopJournal.AfterPass(r);

            return r;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception ex)
        {
            // The index is a cache; a failed pass must not stop the site. The next pass retries.
            state.LastError = ex.Message;
            Log.IndexFailed(logger, ex);
            return null;
        }
    }

    private void StartWatcher()
    {
        try
        {
            var watcher = new FileSystemWatcher(store.Root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Created += (_, e) => Enqueue(e.FullPath);
            watcher.Changed += (_, e) => Enqueue(e.FullPath);
            watcher.Deleted += (_, e) => Enqueue(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Enqueue(e.OldFullPath);
                Enqueue(e.FullPath);
            };
            watcher.Error += (_, e) =>
            {
                Log.WatcherError(logger, e.GetException());
                _changes.Writer.TryWrite(null);
            };
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            Log.WatcherError(logger, ex);
        }
    }

    private void StopWatcher()
    {
        _watcher?.Dispose();
        _watcher = null;
    }

    private void Enqueue(string fullPath)
    {
        if (!SafePath.IsInside(store.Root, fullPath))
        {
            return;
        }

        // A folder event (created, moved in, deleted) may stand for many files: rescan everything.
        var rel = SafePath.ToRelative(store.Root, fullPath);
        var isFolder = Directory.Exists(fullPath) || !Path.HasExtension(fullPath);
        _changes.Writer.TryWrite(isFolder ? null : rel);
    }

    public override void Dispose()
    {
        StopWatcher();
        base.Dispose();
    }
}

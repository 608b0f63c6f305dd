using System.CommandLine;
using System.Threading.Channels;
using OpsConsole.Core.Archive;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Cli.Commands;

/// <summary>
/// The run shared by <c>compliance archive</c> and <c>approval archive</c>: plan, refuse while a stop condition names a
/// file to move, print (and stop there on <c>--dry-run</c>), move, refresh the index, audit.
/// </summary>
internal static class ArchiveRun
{
    /// <summary>Periods brought into the index by one update at most (one transaction removes their rows).</summary>
    private const int PeriodsPerIndexUpdate = 8;

    /// <summary>
    /// Moves the files and brings the index up to date while the next periods are still bundled: the index update of
    /// 30 days of reports (300,000 rows removed, 300,000 archived rows written) took as long as the bundling itself
    /// when it waited for the end (docs/performance.md). The update takes every period done since the last one: a day
    /// removes rows all over the indexes ordered by device, and several days in one transaction write those pages once.
    /// A failure still indexes the periods done.
    /// </summary>
    private static async Task<ArchiveOutcome> MoveAndIndexAsync(CliServices services, ArchivePlan plan, CancellationToken ct)
    {
        var done = Channel.CreateUnbounded<ArchiveOutcome>(new UnboundedChannelOptions { SingleReader = true });
        var indexing = Task.Run(async () =>
        {
            while (await done.Reader.WaitToReadAsync(ct))
            {
                var touched = new List<string>();
                for (var n = 0; n < PeriodsPerIndexUpdate && done.Reader.TryRead(out var period); n++)
                {
                    touched.AddRange(period.Moved.Concat(period.Recovered).Concat(period.Bundles).Concat(period.Bundles.Select(b => b + ".sha256")));
                }

                await services.Indexer.RefreshAsync(touched, ct);
            }
        }, ct);
        try
        {
            // Run blocks this thread (its periods run on threads of their own); the index updates run on the pool.
            return await Task.Run(() => new ArchiveMover(services.Store.Root) { PeriodDone = period => done.Writer.TryWrite(period) }.Run(plan), ct);
        }
        finally
        {
            done.Writer.TryComplete();
            await indexing;
        }
    }

    /// <summary>A new <c>--dry-run</c> option (each command owns its own).</summary>
    public static Option<bool> DryRunOption() => new("--dry-run") { Description = "Print what would move and change nothing (no file, no audit event)." };

    public static async Task<int> RunAsync(ParseResult parse, bool dryRun, string kind, string auditType, string scope,
        Func<CliServices, IReadOnlyList<ArchiveCandidate>> select, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        using var services = CliContext.Open(parse);
        var mover = new ArchiveMover(services.Store.Root);
        var plan = mover.Plan(kind, select(services));

        // The evaluation the web console shows, over an index brought up to date first.
        await services.Indexer.FullPassAsync(ct);
        var refusals = ArchiveRefusals.Find(new StopConditionEvaluator(services.CreateDb, services.State, services.Store).Evaluate(), plan.PathsToMove);
        if (refusals.Count > 0)
        {
            if (!dryRun)
            {
                services.Audit.Record(auditType, CliContext.Actor, scope, CliContext.Source, "refused", $"{refusals.Count} stop-condition finding(s) among the files to move");
            }

            await error.WriteLineAsync($"refused: archive {kind} {scope}: a stop condition concerns files it would move");
            foreach (var reason in refusals)
            {
                await error.WriteLineAsync($"  {reason}");
            }

            return CliRunner.Failure;
        }

        await ArchiveOutput.WritePlanAsync(output, error, plan, dryRun);
        if (dryRun || plan.IsEmpty)
        {
            return 0;
        }

        var outcome = await MoveAndIndexAsync(services, plan, ct);
        services.Audit.Record(auditType, CliContext.Actor, scope, CliContext.Source, outcome.Left.Count == 0 ? "ok" : "partial",
            $"bundles {string.Join(", ", outcome.Bundles)}; moved {outcome.Moved.Count}; recovered {outcome.Recovered.Count}; left in place {outcome.Left.Count}");
        return await ArchiveOutput.WriteOutcomeAsync(output, error, outcome);
    }
}

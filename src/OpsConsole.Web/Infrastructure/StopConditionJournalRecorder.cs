using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Web.Infrastructure;

/// <summary>
/// After an index pass that changed the catalogue (and after the first one), records in the change journal the
/// stop conditions that are not clear when that set changed. The evaluation is the cached one pages read, so
/// this costs one evaluation per changed index version, which the next page view would compute anyway.
/// </summary>
internal sealed class StopConditionJournalRecorder(
    Microsoft.EntityFrameworkCore.IDbContextFactory<IndexDbContext> dbFactory,
    StopConditionEvaluator evaluator,
    TimeProvider clock,
    ILogger<StopConditionJournalRecorder> logger)
{
    private bool _recordedOnce;

    public void AfterPass(IndexPassResult result)
    {
        if (!result.Changed && _recordedOnce)
        {
            return;
        }

        try
        {
            using var db = dbFactory.CreateDbContext();
            StopConditionJournal.Record(db, evaluator.Evaluate(), clock.GetUtcNow());
            _recordedOnce = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The journal is a cache like the index: a failed write is retried after the next pass.
            Log.IndexFailed(logger, ex);
        }
    }
}

namespace OpsConsole.Web.Infrastructure;

/// <summary>
/// All log messages of the web app, with event ids grouped per feature (1xxx start-up and index,
/// 2xxx downloads, 3xxx engagement writes, 4xxx security refusals). Messages never carry secrets:
/// only ids, relative paths and counts.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Artifact root {Root}, index database {Database}, audit store {AuditStore}")]
    public static partial void Starting(ILogger logger, string root, string database, string auditStore);

    [LoggerMessage(1001, LogLevel.Information, "Index pass: {Seen} files, {Added} added, {Updated} updated, {Removed} removed, {Unreadable} unreadable in {ElapsedMs} ms")]
    public static partial void IndexPass(ILogger logger, int seen, int added, int updated, int removed, int unreadable, long elapsedMs);

    [LoggerMessage(1002, LogLevel.Warning, "Artifact root is unavailable: {Root}")]
    public static partial void RootUnavailable(ILogger logger, string root);

    [LoggerMessage(1003, LogLevel.Error, "Index pass failed")]
    public static partial void IndexFailed(ILogger logger, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "File watcher error; falling back to a full rescan")]
    public static partial void WatcherError(ILogger logger, Exception exception);

    [LoggerMessage(1005, LogLevel.Information, "Moved {Count} audit events of an older version from the index into the audit store")]
    public static partial void LegacyAuditMoved(ILogger logger, int count);

    [LoggerMessage(1006, LogLevel.Information, "This instance now leads: it runs the index passes (first a full pass)")]
    public static partial void LeadershipTaken(ILogger logger);

    [LoggerMessage(1007, LogLevel.Warning, "This instance lost the index leadership (database session gone); following the leader")]
    public static partial void LeadershipLost(ILogger logger);

    [LoggerMessage(1009, LogLevel.Warning, "Stop conditions could not be evaluated for /metrics; reported as unknown")]
    public static partial void MetricsStopConditionsFailed(ILogger logger, Exception exception);

    [LoggerMessage(1010, LogLevel.Warning, "The catalogue could not be counted for /metrics")]
    public static partial void MetricsCatalogueFailed(ILogger logger, Exception exception);

    [LoggerMessage(1008, LogLevel.Information, "Another instance leads the index; this one follows the version stored in the database")]
    public static partial void Following(ILogger logger);

    [LoggerMessage(2000, LogLevel.Information, "Download of {Path} {Outcome}")]
    public static partial void Download(ILogger logger, string path, string outcome);

    [LoggerMessage(4000, LogLevel.Warning, "Refused {Method} {Path} from {Remote}: {Reason}")]
    public static partial void Refused(ILogger logger, string method, string path, string remote, string reason);
}

using System.ComponentModel.DataAnnotations;

namespace OpsConsole.Core;

/// <summary>Settings of the <c>OpsConsole</c> configuration section, shared by the web app and the CLI.</summary>
public sealed class OpsConsoleOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "OpsConsole";

    /// <summary>Folder of artifacts the console serves (the source of truth). Default: the repo's <c>reports/</c>.</summary>
    [Required]
    public string ArtifactRoot { get; set; } = "";

    /// <summary>SQLite index file. Relative paths are resolved against the content root. A cache: safe to delete.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/opsconsole.db";

    /// <summary>
    /// The audit trail's own SQLite file: append-only and hash-chained, NOT a cache (back it up, see
    /// docs/backup-and-restore.md). Kept outside the index's folder so deleting the index never touches it.
    /// Relative paths are resolved against the content root.
    /// </summary>
    [Required]
    public string AuditPath { get; set; } = "audit/opsconsole-audit.db";

    /// <summary>Files larger than this are shown as unreadable instead of being parsed.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxArtifactBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Full rescan period; the file watcher covers most changes sooner, but watchers drop events.</summary>
    [Range(1, 86400)]
    public int RescanSeconds { get; set; } = 30;

    /// <summary>A newest compliance run older than this is flagged stale on the dashboard.</summary>
    [Range(1, 24 * 365)]
    public int FreshnessThresholdHours { get; set; } = 26;

    /// <summary>Approvals undecided for longer than this are flagged (runbook: decision time under a week).</summary>
    [Range(1, 365)]
    public int DecisionTargetDays { get; set; } = 7;

    /// <summary>Folder of the rolling JSON log files (web app). Relative paths are resolved against the content root.</summary>
    public string LogDirectory { get; set; } = "data/logs";

    /// <summary>Where the index lives: SQLite (default) or a PostgreSQL database shared by N instances.</summary>
    public Database.DatabaseOptions Database { get; set; } = new();

    /// <summary>Parsed artifacts kept in memory.</summary>
    [Range(16, 10_000_000)]
    public int CacheEntries { get; set; } = 20_000;
}

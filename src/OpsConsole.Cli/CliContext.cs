using System.CommandLine;
using OpsConsole.Core;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Cli;

/// <summary>Options every command shares and the objects built from them.</summary>
internal static class CliContext
{
    public static readonly Option<DirectoryInfo?> RootOption = new("--root")
    {
        Description = "Artifact root (default: $OpsConsole__ArtifactRoot, else ./reports).",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> DatabaseOption = new("--db")
    {
        Description = "SQLite index, a cache of the artifact root (default: $OpsConsole__DatabasePath, else ./data/opsconsole.db).",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> AuditOption = new("--audit-db")
    {
        Description = "The audit trail's own SQLite file, not a cache (default: $OpsConsole__AuditPath, else ./audit/opsconsole-audit.db).",
        Recursive = true,
    };

    public static readonly Option<bool> VerboseOption = new("--verbose")
    {
        Description = "Print stack traces on errors.",
        Recursive = true,
    };

    /// <summary>The artifact root chosen by option, environment, or the default.</summary>
    public static string ResolveRoot(ParseResult result) =>
        result.GetValue(RootOption)?.FullName
        ?? Environment.GetEnvironmentVariable("OpsConsole__ArtifactRoot")
        ?? Path.GetFullPath("reports");

    /// <summary>The database path chosen by option, environment, or the default.</summary>
    public static string ResolveDatabase(ParseResult result)
    {
        var path = result.GetValue(DatabaseOption)?.FullName
            ?? Environment.GetEnvironmentVariable("OpsConsole__DatabasePath")
            ?? Path.Combine("data", "opsconsole.db");
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>The audit store path chosen by option, environment, or the default (not created here).</summary>
    public static string ResolveAuditPath(ParseResult result) =>
        Path.GetFullPath(result.GetValue(AuditOption)?.FullName
            ?? Environment.GetEnvironmentVariable("OpsConsole__AuditPath")
            ?? Path.Combine("audit", "opsconsole-audit.db"));

    /// <summary>Opens (creating or migrating) the audit store.</summary>
    public static SqliteAuditStore OpenAudit(ParseResult result)
    {
        var audit = new SqliteAuditStore(ResolveAuditPath(result));
        audit.EnsureCreated();
        return audit;
    }

    /// <summary>Opens store, index and audit log for a command; moves an older version's audit rows out of the index once.</summary>
    public static CliServices Open(ParseResult result)
    {
        var store = new ArtifactStore(ResolveRoot(result), new OpsConsoleOptions().MaxArtifactBytes);
        var audit = OpenAudit(result);
        var dbPath = ResolveDatabase(result);
        var options = IndexDbContext.OptionsFor(dbPath);
        Func<IndexDbContext> createDb = () => new IndexDbContext(options);
        var state = new IndexState();
        var indexer = new ArtifactIndexer(store, createDb, state);
        indexer.EnsureDatabase();
        LegacyAuditImport.Run(dbPath, audit);
        return new CliServices(store, indexer, state, new AuditLog(audit), audit, createDb);
    }

    /// <summary>Who runs the command, for audit events.</summary>
    public static string Actor => Environment.UserName;

    /// <summary>Where the command runs, for audit events.</summary>
    public static string Source => $"cli@{Environment.MachineName}";
}

/// <summary>What a command works with.</summary>
internal sealed record CliServices(ArtifactStore Store, ArtifactIndexer Indexer, IndexState State, AuditLog Audit, SqliteAuditStore AuditStore,
    Func<OpsConsole.Core.Index.IndexDbContext> CreateDb) : IDisposable
{
    public void Dispose() => Store.Dispose();
}

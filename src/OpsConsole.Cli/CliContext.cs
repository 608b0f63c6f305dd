using System.CommandLine;
using OpsConsole.Core;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Database;
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

    /// <summary>
    /// The <c>OpsConsole:Database</c> settings from the environment (<c>OpsConsole__Database__Provider</c>,
    /// <c>OpsConsole__Database__ConnectionString</c>), the names the web app reads; checked like the web app does.
    /// </summary>
    public static DatabaseOptions ResolveDatabaseOptions()
    {
        var provider = Environment.GetEnvironmentVariable("OpsConsole__Database__Provider");
        var options = new DatabaseOptions { ConnectionString = Environment.GetEnvironmentVariable("OpsConsole__Database__ConnectionString") };
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Provider = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException("OpsConsole:Database:Provider must be Sqlite or Postgres.");
        }

        return options.Problem() is { } problem ? throw new InvalidOperationException(problem) : options;
    }

    /// <summary>Opens (creating or migrating) the audit store of the configured provider.</summary>
    public static IAuditStore OpenAudit(ParseResult result)
    {
        var audit = AuditStores.For(ResolveDatabaseOptions(), ResolveAuditPath(result));
        audit.EnsureCreated();
        return audit;
    }

    /// <summary>Opens store, index and audit log for a command; moves an older version's audit rows out of the index once.</summary>
    public static CliServices Open(ParseResult result)
    {
        var store = new ArtifactStore(ResolveRoot(result), new OpsConsoleOptions().MaxArtifactBytes);
        var audit = OpenAudit(result);
        var dbPath = ResolveDatabase(result);
        var database = IndexDatabase.For(ResolveDatabaseOptions(), dbPath);
        Func<IndexDbContext> createDb = database.CreateDbContext;
        var state = new IndexState();
        var indexer = new ArtifactIndexer(store, createDb, state);
        indexer.EnsureDatabase();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            LegacyAuditImport.Run(dbPath, audit);
        }
        return new CliServices(store, indexer, state, new AuditLog(audit), audit, createDb);
    }

    /// <summary>Who runs the command, for audit events.</summary>
    public static string Actor => Environment.UserName;

    /// <summary>Where the command runs, for audit events.</summary>
    public static string Source => $"cli@{Environment.MachineName}";
}

/// <summary>What a command works with.</summary>
internal sealed record CliServices(ArtifactStore Store, ArtifactIndexer Indexer, IndexState State, AuditLog Audit, IAuditStore AuditStore,
    Func<OpsConsole.Core.Index.IndexDbContext> CreateDb) : IDisposable
{
    public void Dispose() => Store.Dispose();
}

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
        Description = "Artifact root (overrides $OpsConsole__ArtifactRoot and the settings file; default ./reports).",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> DatabaseOption = new("--db")
    {
        Description = "SQLite index, a cache of the artifact root (overrides $OpsConsole__DatabasePath and the settings file).",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> AuditOption = new("--audit-db")
    {
        Description = "The audit trail's own SQLite file, not a cache (overrides $OpsConsole__AuditPath and the settings file).",
        Recursive = true,
    };

    public static readonly Option<bool> VerboseOption = new("--verbose")
    {
        Description = "Print stack traces on errors.",
        Recursive = true,
    };

    /// <summary>The artifact root chosen by flag, environment, settings file or default (see <see cref="CliSettings"/>).</summary>
    public static string ResolveRoot(ParseResult result) => CliSettings.Load(result).ArtifactRoot;

    /// <summary>The database path chosen like <see cref="ResolveRoot"/>; its folder is created.</summary>
    public static string ResolveDatabase(ParseResult result) => DatabaseOf(CliSettings.Load(result));

    /// <summary>The audit store path chosen like <see cref="ResolveRoot"/> (not created here).</summary>
    public static string ResolveAuditPath(ParseResult result) => CliSettings.Load(result).AuditPath;

    /// <summary>
    /// The <c>OpsConsole:Database</c> settings, from the same sources as every other setting (see <see cref="CliSettings"/>),
    /// checked like the web app checks them.
    /// </summary>
    public static DatabaseOptions ResolveDatabaseOptions(ParseResult result) => DatabaseOf(CliSettings.Load(result).Database);

    /// <summary>Opens (creating or migrating) the audit store of the configured provider.</summary>
    public static IAuditStore OpenAudit(ParseResult result) => OpenAudit(CliSettings.Load(result));

    private static IAuditStore OpenAudit(OpsConsoleOptions settings)
    {
        var audit = AuditStores.For(DatabaseOf(settings.Database), settings.AuditPath);
        audit.EnsureCreated();
        return audit;
    }

    /// <summary>Opens store, index and audit log for a command; moves an older version's audit rows out of the index once.</summary>
    public static CliServices Open(ParseResult result)
    {
        var settings = CliSettings.Load(result);
        var store = new ArtifactStore(settings.ArtifactRoot, settings.MaxArtifactBytes, settings.CacheEntries);
        var audit = OpenAudit(settings);
        var dbPath = DatabaseOf(settings);
        var database = IndexDatabase.For(DatabaseOf(settings.Database), dbPath);
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

    private static DatabaseOptions DatabaseOf(DatabaseOptions database) =>
        database.Problem() is { } problem ? throw new InvalidOperationException(problem) : database;

    private static string DatabaseOf(OpsConsoleOptions settings)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(settings.DatabasePath)!);
        return settings.DatabasePath;
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

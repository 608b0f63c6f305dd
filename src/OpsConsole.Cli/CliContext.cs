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
        Description = "SQLite index and audit database (default: $OpsConsole__DatabasePath, else ./data/opsconsole.db).",
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

    /// <summary>Opens store, index and audit log for a command.</summary>
    public static CliServices Open(ParseResult result)
    {
        var store = new ArtifactStore(ResolveRoot(result), new OpsConsoleOptions().MaxArtifactBytes);
        var dbPath = ResolveDatabase(result);
        var options = IndexDbContext.OptionsFor(dbPath);
        Func<IndexDbContext> createDb = () => new IndexDbContext(options);
        var state = new IndexState();
        var indexer = new ArtifactIndexer(store, createDb, state);
        indexer.EnsureDatabase();
        return new CliServices(store, indexer, state, new AuditLog(createDb), createDb);
    }

    /// <summary>Who runs the command, for audit events.</summary>
    public static string Actor => Environment.UserName;

    /// <summary>Where the command runs, for audit events.</summary>
    public static string Source => $"cli@{Environment.MachineName}";
}

/// <summary>What a command works with.</summary>
internal sealed record CliServices(ArtifactStore Store, ArtifactIndexer Indexer, IndexState State, AuditLog Audit, Func<OpsConsole.Core.Index.IndexDbContext> CreateDb) : IDisposable
{
    public void Dispose() => Store.Dispose();
}

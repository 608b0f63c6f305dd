using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Database;

/// <summary>
/// Creates index contexts for the configured provider: <see cref="IndexDbContext"/> on a SQLite file, or
/// <see cref="PostgresIndexDbContext"/> on the shared PostgreSQL database. Web and CLI both build it from
/// <see cref="DatabaseOptions"/>, so they always open the same index.
/// </summary>
public sealed class IndexDatabase : IDbContextFactory<IndexDbContext>
{
    private readonly Func<IndexDbContext> _create;

    private IndexDatabase(DatabaseProvider provider, string connectionString, Func<IndexDbContext> create)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _create = create;
    }

    /// <summary>The engine.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The connection string (for PostgreSQL it holds the password: never log or show it).</summary>
    public string ConnectionString { get; }

    /// <summary>The index of <paramref name="options"/>; <paramref name="sqlitePath"/> (absolute) when the provider is SQLite.</summary>
    public static IndexDatabase For(DatabaseOptions options, string sqlitePath) =>
        options.IsPostgres ? Postgres(options.ConnectionString!) : Sqlite(sqlitePath);

    /// <summary>A SQLite index file at an absolute path (the single-machine default).</summary>
    public static IndexDatabase Sqlite(string sqlitePath)
    {
        var pool = new PooledDbContextFactory<IndexDbContext>(IndexDbContext.OptionsFor(sqlitePath));
        return new(DatabaseProvider.Sqlite, IndexDbContext.ConnectionString(sqlitePath), pool.CreateDbContext);
    }

    /// <summary>The shared PostgreSQL index.</summary>
    public static IndexDatabase Postgres(string connectionString)
    {
        var options = PostgresIndexDbContext.PostgresOptionsFor(connectionString);
        return new(DatabaseProvider.Postgres, connectionString, () => new PostgresIndexDbContext(options));
    }

    /// <inheritdoc />
    public IndexDbContext CreateDbContext() => _create();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Database;

/// <summary>The index on PostgreSQL: the model of <see cref="IndexDbContext"/>, with its own migrations (Database/Migrations/Index).</summary>
public sealed class PostgresIndexDbContext(DbContextOptions<PostgresIndexDbContext> options) : IndexDbContext(options)
{
    /// <summary>Options for the PostgreSQL database at <paramref name="connectionString"/> (see <see cref="WithStatementReuse"/>).</summary>
    public static DbContextOptions<PostgresIndexDbContext> PostgresOptionsFor(string connectionString) =>
        new DbContextOptionsBuilder<PostgresIndexDbContext>().UseNpgsql(WithStatementReuse(connectionString)).Options;

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on (<c>Max Auto Prepare</c>), unless the operator set
    /// it: the index pass and the pages run the same few statements again and again, and unprepared each is parsed and
    /// planned by the server every time. A cold index of 60,073 files took 28.1 s with 13.4 s of server CPU, 21.5 s with
    /// 9.5 s prepared (docs/performance.md).
    /// </summary>
    public static string WithStatementReuse(string connectionString)
    {
        // The generic builder holds only the keys the string names (Npgsql's own knows every key).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Paths are read as ranges of the path index (a day folder, the engagement folder: IndexQueries) and
        // lists sort by device name. Both must compare byte-wise, as SQLite does, whatever collation the
        // database was created with: a linguistic one (en_US.UTF-8) ignores '/' and '-' at first and would put
        // files of other folders inside a range.
        modelBuilder.Entity<ArtifactRecord>().Property(a => a.Path).UseCollation("C");
        modelBuilder.Entity<ArtifactRecord>().Property(a => a.Device).UseCollation("C");
    }
}

/// <summary>The audit trail on PostgreSQL: the model of <see cref="AuditDbContext"/>, with its own migrations (Database/Migrations/Audit).</summary>
public sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options)
{
    /// <summary>Options for the PostgreSQL database at <paramref name="connectionString"/>.</summary>
    public static DbContextOptions<PostgresAuditDbContext> PostgresOptionsFor(string connectionString) =>
        new DbContextOptionsBuilder<PostgresAuditDbContext>().UseNpgsql(connectionString).Options;
}

/// <summary>Lets <c>dotnet ef</c> create the PostgreSQL index context at design time (no server is contacted).</summary>
internal sealed class PostgresIndexDbContextFactory : IDesignTimeDbContextFactory<PostgresIndexDbContext>
{
    public PostgresIndexDbContext CreateDbContext(string[] args) => new(PostgresIndexDbContext.PostgresOptionsFor("Host=localhost;Database=opsconsole_design"));
}

/// <summary>Lets <c>dotnet ef</c> create the PostgreSQL audit context at design time (no server is contacted).</summary>
internal sealed class PostgresAuditDbContextFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args) => new(PostgresAuditDbContext.PostgresOptionsFor("Host=localhost;Database=opsconsole_design"));
}

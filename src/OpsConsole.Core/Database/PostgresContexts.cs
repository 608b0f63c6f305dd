using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Database;

/// <summary>The index on PostgreSQL: the model of <see cref="IndexDbContext"/>, with its own migrations (Database/Migrations/Index).</summary>
public sealed class PostgresIndexDbContext(DbContextOptions<PostgresIndexDbContext> options) : IndexDbContext(options)
{
    /// <summary>Options for the PostgreSQL database at <paramref name="connectionString"/>.</summary>
    public static DbContextOptions<PostgresIndexDbContext> PostgresOptionsFor(string connectionString) =>
        new DbContextOptionsBuilder<PostgresIndexDbContext>().UseNpgsql(connectionString).Options;

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

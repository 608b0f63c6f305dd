using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Audit;

/// <summary>
/// The audit store's own SQLite database (not the index: an index rebuild never touches it). The SQLite
/// migrations belong to this type; <see cref="Database.PostgresAuditDbContext"/> has the same model and its own set.
/// </summary>
public class AuditDbContext : DbContext
{
    /// <summary>A context on <paramref name="options"/> (SQLite).</summary>
    public AuditDbContext(DbContextOptions<AuditDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the per-provider subclasses.</summary>
    protected AuditDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The chained events.</summary>
    public DbSet<AuditEvent> Events => Set<AuditEvent>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");

            // The chain position is assigned by the appender (head id + 1), never by the database.
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => a.AtTicks);
            e.HasIndex(a => a.Type);
        });
    }

    /// <summary>
    /// Options for a SQLite file at an absolute path. No shared cache: cross-connection locking must go
    /// through SQLite's file locks so the busy timeout (30 s) applies to concurrent appenders.
    /// </summary>
    public static DbContextOptions<AuditDbContext> OptionsFor(string databasePath) =>
        new DbContextOptionsBuilder<AuditDbContext>()
            .UseSqlite(ConnectionString(databasePath))
            .Options;

    /// <summary>The connection string used for <paramref name="databasePath"/>.</summary>
    public static string ConnectionString(string databasePath) => $"Data Source={databasePath};Pooling=True;Default Timeout=30";
}

/// <summary>Lets <c>dotnet ef</c> create the context at design time.</summary>
internal sealed class AuditDbContextFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext(string[] args) => new(AuditDbContext.OptionsFor("design-time-audit.db"));
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpsConsole.Web.Infrastructure.ScaleOut;

/// <summary>
/// The ASP.NET Core Data Protection key ring in the shared PostgreSQL database (only with that provider:
/// a single SQLite instance keeps its keys as before). Its migrations are under ScaleOut/Migrations.
/// </summary>
internal sealed class DataProtectionKeysDbContext(DbContextOptions<DataProtectionKeysDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The keys (XML, as Data Protection writes them; encrypted at rest only if a key protector is configured).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
}

/// <summary>Lets <c>dotnet ef</c> create the key ring context at design time (no server is contacted).</summary>
internal sealed class DataProtectionKeysDbContextFactory : IDesignTimeDbContextFactory<DataProtectionKeysDbContext>
{
    public DataProtectionKeysDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DataProtectionKeysDbContext>().UseNpgsql("Host=localhost;Database=opsconsole_design").Options);
}

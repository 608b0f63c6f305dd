using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Database;
using OpsConsole.Core.Index;

namespace OpsConsole.Web.Infrastructure.ScaleOut;

/// <summary>
/// The database of the configured provider (<c>OpsConsole:Database</c>): the index, the audit store, who runs
/// index passes, and, with PostgreSQL, the Data Protection key ring every instance shares (docs/scale-out.md).
/// </summary>
internal static class DatabaseRegistration
{
    /// <summary>The name every instance protects its tokens under, whatever its content root (keys are shared).</summary>
    public const string ApplicationName = "OpsConsole";

    public static IServiceCollection AddOpsConsoleDatabase(this IServiceCollection services, IWebHostEnvironment env, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<OpsConsoleOptions>, DatabaseOptionsValidation>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OpsConsoleOptions>>().Value;
            var sqlitePath = ServiceRegistration.ContentPath(env, o.DatabasePath);
            if (!o.Database.IsPostgres)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(sqlitePath)!);
            }

            return IndexDatabase.For(o.Database, sqlitePath);
        });
        services.AddSingleton<IDbContextFactory<IndexDbContext>>(sp => sp.GetRequiredService<IndexDatabase>());
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OpsConsoleOptions>>().Value;
            return AuditStores.For(o.Database, ServiceRegistration.ContentPath(env, o.AuditPath));
        });
        services.AddSingleton<IIndexLeadership>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OpsConsoleOptions>>().Value.Database;
            return o.IsPostgres ? new PostgresIndexLeader(o.ConnectionString!) : new SingleInstanceLeadership();
        });

        services.AddSingleton<IDeviceWriteLock>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OpsConsoleOptions>>().Value.Database;
            return o.IsPostgres ? new PostgresDeviceWriteLock(o.ConnectionString!) : new NoDeviceWriteLock();
        });

        // Read before the container is built: Data Protection's key store is chosen at registration.
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.IsPostgres && database.Problem() is null)
        {
            // Antiforgery tokens (and the OIDC cookie) issued by one instance must open on every other.
            services.AddDbContext<DataProtectionKeysDbContext>(b => b.UseNpgsql(database.ConnectionString));
            services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<DataProtectionKeysDbContext>();
        }

        return services;
    }

    /// <summary>Creates or migrates the key ring's table (PostgreSQL only; concurrent starts migrate one after another).</summary>
    public static WebApplication PrepareSharedKeyRing(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        if (scope.ServiceProvider.GetService<DataProtectionKeysDbContext>() is { } keyRing)
        {
            SerializedMigration.Migrate(keyRing.Database, SerializedMigration.KeyRingKey);
        }

        return app;
    }
}

/// <summary>SQLite: one instance per data folder; the in-process lock and the file lock are enough.</summary>
internal sealed class NoDeviceWriteLock : IDeviceWriteLock
{
    public Task<IAsyncDisposable> AcquireAsync(string device, CancellationToken ct) => Task.FromResult<IAsyncDisposable>(Released.Instance);

    private sealed class Released : IAsyncDisposable
    {
        public static readonly Released Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Start-up check of <c>OpsConsole:Database</c> with the exact reason (never the connection string itself).</summary>
internal sealed class DatabaseOptionsValidation : IValidateOptions<OpsConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, OpsConsoleOptions options) =>
        options.Database.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

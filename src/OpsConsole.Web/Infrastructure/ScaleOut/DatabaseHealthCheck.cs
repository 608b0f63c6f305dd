using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpsConsole.Core.Database;
using OpsConsole.Core.Index;

namespace OpsConsole.Web.Infrastructure.ScaleOut;

/// <summary>
/// Ready only while the index database answers. SQLite is a local file (its problems show as index errors);
/// the shared PostgreSQL server is asked <c>SELECT 1</c>, so a load balancer stops sending users to an
/// instance that cannot reach it.
/// </summary>
internal sealed class DatabaseHealthCheck(IndexDatabase database, IndexState state) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return HealthCheckResult.Healthy("sqlite");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Budget);
        try
        {
            await using var db = database.CreateDbContext();
            await db.Database.OpenConnectionAsync(timeout.Token);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            state.DatabaseAvailable = true;
            return HealthCheckResult.Healthy("postgres reachable");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            state.DatabaseAvailable = false;

            // The exception text may name the host; the connection string (and its password) is never shown.
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Infrastructure;

/// <summary>Ready only while the artifact root can be listed.</summary>
internal sealed class ArtifactRootHealthCheck(ArtifactStore store, IndexState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var available = store.IsRootAvailable;
        state.RootAvailable = available;
        return Task.FromResult(available
            ? HealthCheckResult.Healthy("artifact root readable")
            : HealthCheckResult.Unhealthy("artifact root unavailable"));
    }
}

/// <summary>Ready once the first index build has finished.</summary>
internal sealed class IndexReadyHealthCheck(IndexState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Ready
            ? HealthCheckResult.Healthy($"{state.FileCount} files indexed, {state.UnreadableCount} unreadable",
                new Dictionary<string, object> { ["files"] = state.FileCount, ["unreadable"] = state.UnreadableCount })
            : HealthCheckResult.Unhealthy("first index build in progress"));
}

/// <summary><c>/health</c>, <c>/health/live</c>, <c>/health/ready</c>.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapOpsConsoleHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson });
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJson });
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        var state = context.RequestServices.GetRequiredService<IndexState>();
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["files"] = state.FileCount,
            ["unreadable"] = state.UnreadableCount,
            ["root_available"] = state.RootAvailable,
            ["index_ready"] = state.Ready,
            ["index_leader"] = state.IsLeader,
            ["database_available"] = state.DatabaseAvailable,
            ["last_scan_at"] = state.LastScanAt?.ToString("O"),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

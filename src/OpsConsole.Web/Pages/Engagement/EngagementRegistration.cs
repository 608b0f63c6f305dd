using System.Threading.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Engagement;
using OpsConsole.Web.Infrastructure.Identity;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>The service-engagement feature's options, form rules and write rate limit (its services are in <see cref="Infrastructure.FeatureRegistration"/>).</summary>
internal static class EngagementRegistration
{
    /// <summary>The rate-limit policy on the engagement POST handlers.</summary>
    public const string WritePolicy = "engagement-writes";

    public static IServiceCollection AddEngagement(this IServiceCollection services)
    {
        services.AddOptions<EngagementOptions>().BindConfiguration(EngagementOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddValidatorsFromAssemblyContaining<AnswerSubmissionValidator>(ServiceLifetime.Scoped,
            filter: r => r.ValidatorType.Namespace == typeof(AnswerSubmissionValidator).Namespace);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(WritePolicy, http =>
            {
                // Reading is never limited; every write-method request counts per client address.
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var limit = http.RequestServices.GetRequiredService<IOptions<EngagementOptions>>().Value.WritesPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(WritePartition(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = (ctx, _) =>
            {
                var http = ctx.HttpContext;
                var device = http.GetRouteValue("device")?.ToString();
                http.RequestServices.GetRequiredService<AuditLog>().Record("engagement.refused", IdentityAudit.Actor(http),
                    Core.Artifacts.DeviceNames.IsValid(device) ? device : "(invalid)", $"web {ClientAddress.Describe(http)}", "refused", "rate limited");
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Writes count per signed-in user when users are identified (behind a proxy all share one address), else per address.</summary>
    private static string WritePartition(HttpContext http) =>
        ConsoleUser.Of(http.User) is { } user ? "user:" + user.Name : ClientAddress.Describe(http);
}

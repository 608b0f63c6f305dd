using Microsoft.AspNetCore.Authorization;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>The console's authorization policies (used only when a mode other than LocalOnly is on).</summary>
public static class ConsoleAccess
{
    /// <summary>Any role may read every page (the fallback policy of every endpoint).</summary>
    public const string ReaderPolicy = "opsconsole-reader";

    /// <summary>Only a lead of the package's team may save, validate or finalize its answers.</summary>
    public const string EngagementWritePolicy = "opsconsole-engagement-write";

    /// <summary>Monitoring endpoints that stay open to anonymous callers in every mode.</summary>
    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The user holds at least one role (operator, approver or lead).</summary>
internal sealed class ConsoleReaderRequirement : IAuthorizationRequirement;

internal sealed class ConsoleReaderHandler : AuthorizationHandler<ConsoleReaderRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ConsoleReaderRequirement requirement)
    {
        if ((context.Resource is HttpContext http && ConsoleAccess.IsPublic(http.Request.Path)) || ConsoleUser.Of(context.User) is { HasAnyRole: true })
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The engagement package's team, the resource the write policy is checked against (null when unreadable).</summary>
internal sealed record EngagementTeam(string? Team);

/// <summary>The user leads the package's team.</summary>
internal sealed class EngagementWriteRequirement : IAuthorizationRequirement;

internal sealed class EngagementWriteHandler : AuthorizationHandler<EngagementWriteRequirement, EngagementTeam>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EngagementWriteRequirement requirement, EngagementTeam resource)
    {
        if (ConsoleUser.Of(context.User) is { } user && user.Leads(resource.Team))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

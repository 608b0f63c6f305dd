using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Engagement;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>
/// When users are identified, a write to a device's engagement package is accepted only from a lead of
/// the package's team (policy <see cref="ConsoleAccess.EngagementWritePolicy"/>); anyone else gets 403,
/// an audit event and no write. It runs where the loopback rule runs (before antiforgery and the handler).
/// In LocalOnly mode it does nothing: the loopback rule applies.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TeamLeadWritesAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        if (!services.GetRequiredService<IOptionsMonitor<ConsoleIdentityOptions>>().CurrentValue.IdentifiesUsers
            || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        var device = context.RouteData.Values["device"]?.ToString();
        var team = DeviceNames.IsValid(device)
            ? services.GetRequiredService<ArtifactStore>().LoadDocument<EngagementPackage>(EngagementPaths.Package(device!))?.Team
            : null;
        var allowed = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, new EngagementTeam(team), ConsoleAccess.EngagementWritePolicy);
        if (allowed.Succeeded)
        {
            return;
        }

        var shownTeam = team is null ? "(unknown)" : IdentityText.Clean(team);
        IdentityRefusal.Set(http, IdentityRefusal.NotLead, shownTeam);
        services.GetRequiredService<AuditLog>().Record("engagement.refused", IdentityAudit.Actor(http, "(anonymous)"),
            DeviceNames.IsValid(device) ? device : "(invalid)", IdentityAudit.Source(http), "refused", $"not a lead of team {shownTeam}");
        context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
    }
}

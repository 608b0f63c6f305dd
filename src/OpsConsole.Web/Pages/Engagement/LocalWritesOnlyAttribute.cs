using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OpsConsole.Core.Audit;
using OpsConsole.Web.Infrastructure;
using OpsConsole.Web.Infrastructure.Identity;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>
/// Refuses every non-GET request that does not come from this machine with 403 and an audit event.
/// It runs before the antiforgery check (lower order), so a remote caller learns nothing more.
/// When users are identified (mode Oidc or ProxyHeaders), <see cref="TeamLeadWritesAttribute"/> replaces this rule.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LocalWritesOnlyAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || ClientAddress.IsLocal(http)
            || http.RequestServices.GetRequiredService<IOptionsMonitor<ConsoleIdentityOptions>>().CurrentValue.IdentifiesUsers)
        {
            return Task.CompletedTask;
        }

        var remote = ClientAddress.Describe(http);
        var device = context.RouteData.Values["device"]?.ToString();
        http.RequestServices.GetRequiredService<AuditLog>().Record("engagement.refused", "web",
            Core.Artifacts.DeviceNames.IsValid(device) ? device : "(invalid)", $"web {remote}", "refused", "not a local request");
        Log.Refused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OpsConsole.Engagement"),
            http.Request.Method, http.Request.Path, remote, "not a local request");
        context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        return Task.CompletedTask;
    }
}

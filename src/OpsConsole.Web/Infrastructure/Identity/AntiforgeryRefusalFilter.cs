using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OpsConsole.Core.Audit;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>
/// A POST refused by the antiforgery check is audited. When users are identified it answers 403 with the
/// "form expired" page in the user's language; in LocalOnly mode it keeps today's 400.
/// </summary>
internal sealed class AntiforgeryRefusalFilter(IOptionsMonitor<ConsoleIdentityOptions> options, AuditLog audit) : IAsyncAlwaysRunResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var http = context.HttpContext;
            var device = context.RouteData.Values["device"]?.ToString();
            audit.Record(device is null ? "request.refused" : "engagement.refused", IdentityAudit.Actor(http, "(anonymous)"),
                device is null ? IdentityText.Clean(http.Request.Path.Value ?? "/") : Core.Artifacts.DeviceNames.IsValid(device) ? device : "(invalid)",
                IdentityAudit.Source(http), "refused", "antiforgery token missing or invalid");
            if (options.CurrentValue.IdentifiesUsers)
            {
                IdentityRefusal.Set(http, IdentityRefusal.Antiforgery);
                context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            }
        }

        return next();
    }
}

using OpsConsole.Core.Audit;
using OpsConsole.Web.Pages.Engagement;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>Who an audit event names: the signed-in user when there is one, else the caller's fallback.</summary>
internal static class IdentityAudit
{
    /// <summary>The signed-in user's name, or <paramref name="fallback"/> (e.g. "web") when nobody is identified.</summary>
    public static string Actor(HttpContext http, string fallback = "web") => ConsoleUser.Of(http.User)?.Name ?? fallback;

    public static string Source(HttpContext http) => "web " + ClientAddress.Describe(http);

    /// <summary>An identity refusal: the user (or "(anonymous)"), the path asked for, and why.</summary>
    public static void Refused(HttpContext http, string detail)
    {
        var path = IdentityText.Clean(http.Request.Path.Value ?? "/");
        http.RequestServices.GetRequiredService<AuditLog>().Record("identity.refused", Actor(http, "(anonymous)"),
            $"{http.Request.Method} {path}", Source(http), "refused", detail);
        Log.Refused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OpsConsole.Identity"),
            http.Request.Method, path, ClientAddress.Describe(http), detail);
    }
}

namespace OpsConsole.Web.Infrastructure;

/// <summary>The strict headers every response carries (one place, per STYLE.md).</summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Request item with extra <c>form-action</c> sources (the OIDC provider, whose sign-out a form is redirected to).</summary>
    public const string FormActionSourcesKey = "opsconsole.csp.form-action";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = context.Items[FormActionSourcesKey] is string extra
                    ? ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + extra, StringComparison.Ordinal)
                    : ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Cross-Origin-Resource-Policy"] = "same-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                h.Remove("Server");
                h.Remove("X-Powered-By");
                return Task.CompletedTask;
            });
            await next();
        });
}

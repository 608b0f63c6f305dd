using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpsConsole.Core.Audit;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>
/// Mode <c>Oidc</c>: ASP.NET Core's OpenID Connect handler (authorization code + PKCE) signs the user in
/// at the provider, and a cookie holds the session.
/// </summary>
internal static class OidcSetup
{
    public const string SessionCookie = "opsconsole.session";
    public const string SignedOutPath = "/account/signed-out";

    public static AuthenticationBuilder AddConsoleOidc(this AuthenticationBuilder auth)
    {
        auth.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.Cookie.Name = SessionCookie;
            o.Cookie.HttpOnly = true;
            // Lax: the session must survive the top-level redirect back from the provider.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        auth.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, _ => { });
        auth.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<ConsoleIdentityOptions>>((o, identity) => Configure(o, identity.Value.Oidc));
        return auth;
    }

    private static void Configure(OpenIdConnectOptions o, OidcSettings s)
    {
        o.Authority = s.Authority;
        o.ClientId = s.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(s.ClientSecret) ? null : s.ClientSecret;
        o.RequireHttpsMetadata = s.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in the query of a top-level GET, so Lax cookies (correlation, nonce) arrive with it.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.MapInboundClaims = false;
        o.SaveTokens = true; // the id token is the hint of the provider's sign-out
        o.Scope.Clear();
        o.Scope.Add("openid");
        foreach (var scope in s.Scopes.Where(x => !string.IsNullOrWhiteSpace(x) && x != "openid"))
        {
            o.Scope.Add(scope);
        }

        o.TokenValidationParameters.NameClaimType = s.NameClaim;
        o.SignedOutRedirectUri = SignedOutPath;
        o.Events.OnTicketReceived = ctx =>
        {
            var name = ctx.Principal?.FindFirst(s.NameClaim)?.Value ?? ctx.Principal?.FindFirst("sub")?.Value ?? "(unnamed)";
            ctx.HttpContext.RequestServices.GetRequiredService<AuditLog>().Record("identity.signin", IdentityText.Clean(name), null,
                IdentityAudit.Source(ctx.HttpContext), "ok", ctx.Principal?.HasClaim(c => c.Type == s.GroupsClaim) == true ? null : "the identity carries no groups claim");
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = ctx =>
        {
            // A failed or tampered callback (bad state, correlation, code) ends on the 401 page, audited.
            IdentityRefusal.Set(ctx.HttpContext, IdentityRefusal.SignInFailed);
            IdentityAudit.Refused(ctx.HttpContext, "sign-in failed: " + IdentityText.Clean(ctx.Failure?.Message ?? "unknown"));
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            ctx.HandleResponse();
            return Task.CompletedTask;
        };
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>
/// What a refused request gets when users are identified: a 401 page (or, for a page read in Oidc
/// mode, the sign-in redirect), a 403 "no access" page for a user without a role, and an audit event
/// for every refusal that is not a plain first visit.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler(IOptionsMonitor<ConsoleIdentityOptions> options) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var o = options.CurrentValue;
        if (!o.IdentifiesUsers || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (authorizeResult.Challenged)
        {
            var reason = IdentityRefusal.Of(context)?.Reason
                ?? (o.Mode == IdentityMode.Oidc && context.Request.Cookies.ContainsKey(OidcSetup.SessionCookie) ? IdentityRefusal.SessionInvalid : IdentityRefusal.SignIn);
            IdentityRefusal.Set(context, reason);
            if (reason != IdentityRefusal.SignIn || !isRead)
            {
                IdentityAudit.Refused(context, reason switch
                {
                    IdentityRefusal.UntrustedPeer => "identity headers from a peer that is not a trusted proxy were ignored",
                    IdentityRefusal.SessionInvalid => "session cookie is forged, expired or from another key",
                    _ => "not signed in",
                });
            }

            // A page read goes to the provider's sign-in; a write is never replayed through a redirect.
            if (o.Mode == IdentityMode.Oidc && isRead)
            {
                await context.ChallengeAsync();
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var user = ConsoleUser.Of(context.User);
        IdentityRefusal.Set(context, IdentityRefusal.NoRole);
        IdentityAudit.Refused(context, user is { Groups.Count: > 0 }
            ? "no role: none of the groups " + IdentityText.Clean(string.Join(", ", user.Groups)) + " is mapped"
            : "no role: the identity carries no groups");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}

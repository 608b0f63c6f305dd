using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>
/// Mode <c>ProxyHeaders</c>: the user and groups that an authenticating proxy (oauth2-proxy and similar)
/// passes in headers, believed only when the TCP peer is a trusted proxy. From any other peer the
/// headers are ignored and the request stays anonymous (and the attempt is audited by
/// <see cref="AuditingAuthorizationResultHandler"/>).
/// </summary>
internal sealed class ProxyHeadersHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptionsMonitor<ConsoleIdentityOptions> identity, TrustedNetworks trusted)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ProxyHeaders";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var o = identity.CurrentValue;
        var user = Request.Headers[o.UserHeader].ToString();
        if (user.Length == 0 && Request.Headers[o.GroupsHeader].Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!trusted.Contains(Context.Connection.RemoteIpAddress))
        {
            IdentityRefusal.Set(Context, IdentityRefusal.UntrustedPeer);
            return Task.FromResult(AuthenticateResult.Fail("identity headers from a peer that is not a trusted proxy"));
        }

        var name = IdentityText.Clean(user);
        if (name.Length == 0 || name != user.Trim())
        {
            return Task.FromResult(AuthenticateResult.Fail("the user header is empty or holds control characters"));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(Request.Headers[o.GroupsHeader].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(IdentityText.Clean).Where(g => g.Length > 0)
            .Select(g => new Claim(ConsoleClaims.Group, g)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

using System.Net;
using Microsoft.Extensions.Options;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>Start-up checks of <c>OpsConsole:Identity</c>, each failure with the setting to fix.</summary>
internal sealed class ConsoleIdentityValidation : IValidateOptions<ConsoleIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleIdentityOptions o)
    {
        var errors = new List<string>();
        if (o.Mode == IdentityMode.Oidc)
        {
            CheckOidc(o.Oidc, errors);
        }

        if (o.Mode == IdentityMode.ProxyHeaders)
        {
            if (o.TrustedProxies.Count == 0)
            {
                errors.Add("OpsConsole:Identity:TrustedProxies is empty: list the CIDR of the authenticating proxy (e.g. 127.0.0.1/32), or no request could sign in.");
            }

            errors.AddRange(o.TrustedProxies.Where(p => !TrustedNetworks.TryParse(p, out _))
                .Select(p => $"OpsConsole:Identity:TrustedProxies has \"{p}\", which is not a CIDR (10.0.0.0/24) or an address."));
            if (string.IsNullOrWhiteSpace(o.UserHeader) || string.IsNullOrWhiteSpace(o.GroupsHeader))
            {
                errors.Add("OpsConsole:Identity:UserHeader and GroupsHeader must name a header.");
            }
        }

        errors.AddRange(o.Roles.Keys.Where(r => !ConsoleRoles.Configurable.Contains(r, StringComparer.OrdinalIgnoreCase))
            .Select(r => $"OpsConsole:Identity:Roles has \"{r}\"; the roles are: {string.Join(", ", ConsoleRoles.Configurable)} (team leads go under OpsConsole:Identity:TeamLeads)."));
        if (o.IdentifiesUsers && o.Roles.Values.All(g => g.Count == 0) && o.TeamLeads.Values.All(g => g.Count == 0))
        {
            errors.Add("OpsConsole:Identity:Roles and TeamLeads map no group: nobody could use the console. Map at least one group (e.g. OpsConsole__Identity__Roles__operator__0=noc).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckOidc(OidcSettings oidc, List<string> errors)
    {
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            errors.Add("OpsConsole:Identity:Oidc:Authority is missing or not an absolute URL: set the provider's issuer (e.g. https://sso.example.com/realms/noc).");
        }
        else if (authority.Scheme == "http" && (oidc.RequireHttpsMetadata || !IsLoopback(authority)))
        {
            errors.Add("OpsConsole:Identity:Oidc:Authority must use https (plain http is accepted only for a loopback test provider with RequireHttpsMetadata=false).");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            errors.Add("OpsConsole:Identity:Oidc:ClientId is missing: set the client id registered at the provider.");
        }

        if (string.IsNullOrWhiteSpace(oidc.GroupsClaim) || string.IsNullOrWhiteSpace(oidc.NameClaim))
        {
            errors.Add("OpsConsole:Identity:Oidc:GroupsClaim and NameClaim must name a claim (e.g. groups, preferred_username).");
        }
    }

    private static bool IsLoopback(Uri uri) => uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>
/// Maps the groups of an authenticated principal to the console's roles (configuration
/// <c>Roles</c> and <c>TeamLeads</c>), and resolves the name shown and recorded for the user.
/// Runs after every authentication, so a change of configuration applies at the next request.
/// </summary>
internal sealed class RoleClaimsTransformation(IOptionsMonitor<ConsoleIdentityOptions> options) : IClaimsTransformation
{
    private const string AuthenticationType = "opsconsole-roles";

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.Identities.Any(i => i.AuthenticationType == AuthenticationType))
        {
            return Task.FromResult(principal);
        }

        var o = options.CurrentValue;
        var groups = Groups(principal, o);
        var roles = new ClaimsIdentity(AuthenticationType);
        roles.AddClaim(new Claim(ConsoleClaims.User, NameOf(principal, o)));
        foreach (var group in groups)
        {
            roles.AddClaim(new Claim(ConsoleClaims.Groups, group));
        }

        foreach (var (role, mapped) in o.Roles)
        {
            if (mapped.Intersect(groups, StringComparer.Ordinal).Any())
            {
                roles.AddClaim(new Claim(ConsoleClaims.Role, role.ToLowerInvariant()));
            }
        }

        var teams = o.TeamLeads.Where(t => t.Value.Intersect(groups, StringComparer.Ordinal).Any()).Select(t => t.Key.Trim()).ToList();
        foreach (var team in teams)
        {
            roles.AddClaim(new Claim(ConsoleClaims.LeadOf, team));
        }

        if (teams.Count > 0)
        {
            roles.AddClaim(new Claim(ConsoleClaims.Role, ConsoleRoles.Lead));
        }

        var result = new ClaimsPrincipal(principal.Identities);
        result.AddIdentity(roles);
        return Task.FromResult(result);
    }

    /// <summary>Groups from the configured claim; a JSON array in one claim is split too (some providers send it so).</summary>
    private static List<string> Groups(ClaimsPrincipal principal, ConsoleIdentityOptions o)
    {
        var type = o.Mode == IdentityMode.Oidc ? o.Oidc.GroupsClaim : ConsoleClaims.Group;
        return principal.FindAll(type)
            .SelectMany(c => c.Value.StartsWith('[') ? ParseArray(c.Value) : [c.Value])
            .Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string> ParseArray(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [json];
        }
    }

    private static string NameOf(ClaimsPrincipal principal, ConsoleIdentityOptions o)
    {
        var candidates = o.Mode == IdentityMode.Oidc ? new[] { o.Oidc.NameClaim, "name", "sub", ClaimTypes.NameIdentifier } : [ClaimTypes.Name];
        var name = candidates.Select(t => principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "(unnamed)";
        return IdentityText.Clean(name);
    }
}

/// <summary>Identity values go into files and the audit trail only printable and bounded.</summary>
internal static class IdentityText
{
    public const int MaxLength = 100;

    public static string Clean(string value)
    {
        var printable = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return printable.Length > MaxLength ? printable[..MaxLength] : printable;
    }
}

using System.Security.Claims;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>The roles of the console. Team leads are configured per team, not under <c>Roles</c>.</summary>
public static class ConsoleRoles
{
    public const string Operator = "operator";
    public const string Approver = "approver";
    public const string Lead = "lead";

    /// <summary>The roles that <c>OpsConsole:Identity:Roles</c> may map groups to.</summary>
    public static readonly string[] Configurable = [Operator, Approver];
}

/// <summary>Claim types the console adds to a signed-in principal after mapping groups to roles.</summary>
public static class ConsoleClaims
{
    /// <summary>Groups as the ProxyHeaders handler emits them (OIDC uses the configured GroupsClaim).</summary>
    public const string Group = "groups";
    public const string User = "opsconsole/user";
    public const string Role = "opsconsole/role";
    public const string LeadOf = "opsconsole/lead-of";
    public const string Groups = "opsconsole/groups";
}

/// <summary>Who is signed in, as the console sees them: a display name, roles and the teams they lead.</summary>
/// <param name="Name">The identity recorded as <c>responded_by</c> and as the actor of audit events.</param>
/// <param name="Roles">operator, approver and/or lead.</param>
/// <param name="LeadOf">The team names (package <c>team</c>) this user leads.</param>
/// <param name="Groups">The groups the identity carried (for the no-access page and the audit).</param>
public sealed record ConsoleUser(string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> LeadOf, IReadOnlyList<string> Groups)
{
    public bool HasAnyRole => Roles.Count > 0;

    public bool Leads(string? team) => team is not null && LeadOf.Contains(team.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The signed-in user, or null when the request is anonymous (or the console does not identify users).</summary>
    public static ConsoleUser? Of(ClaimsPrincipal? principal)
    {
        if (principal?.FindFirst(ConsoleClaims.User)?.Value is not { Length: > 0 } name)
        {
            return null;
        }

        static List<string> All(ClaimsPrincipal p, string type) => p.FindAll(type).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return new ConsoleUser(name, All(principal, ConsoleClaims.Role), All(principal, ConsoleClaims.LeadOf), All(principal, ConsoleClaims.Groups));
    }
}

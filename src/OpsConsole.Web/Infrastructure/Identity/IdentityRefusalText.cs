using Microsoft.Extensions.Localization;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>The title and text of a 401/403 page refused for an identity reason, in the user's language.</summary>
public sealed record IdentityRefusalText(string Title, string Body)
{
    /// <summary>Null when the status is not an identity refusal (e.g. LocalOnly's loopback 403 keeps its own text).</summary>
    public static IdentityRefusalText? For(HttpContext http, int? code, IStringLocalizer<IdentityResource> t)
    {
        var refusal = IdentityRefusal.Of(http);
        if (code is not (401 or 403) || (refusal is null && code == 403))
        {
            return null;
        }

        var reason = refusal?.Reason ?? IdentityRefusal.SignIn;
        var user = ConsoleUser.Of(http.User);
        var body = reason switch
        {
            IdentityRefusal.NoRole => t["identity.refused.noRole.body", user?.Name ?? "—",
                user is { Groups.Count: > 0 } ? string.Join(", ", user.Groups) : t["identity.noGroups"].Value],
            IdentityRefusal.NotLead => t["identity.refused.notLead.body", refusal?.Detail ?? "—"],
            _ => t[$"identity.refused.{reason}.body"],
        };
        return new IdentityRefusalText(t[$"identity.refused.{reason}.title"].Value, body.Value);
    }
}

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>
/// Why a request was refused for identity reasons; set on the request so the re-executed 401/403
/// error page can say which (in the user's language).
/// </summary>
public sealed record IdentityRefusal(string Reason, string? Detail = null)
{
    public const string SignIn = "signIn";
    public const string UntrustedPeer = "untrustedPeer";
    public const string SessionInvalid = "sessionInvalid";
    public const string NoRole = "noRole";
    public const string NotLead = "notLead";
    public const string Antiforgery = "antiforgery";
    public const string SignInFailed = "signInFailed";

    public static void Set(HttpContext http, string reason, string? detail = null) => http.Features.Set(new IdentityRefusal(reason, detail));

    public static IdentityRefusal? Of(HttpContext http) => http.Features.Get<IdentityRefusal>();
}

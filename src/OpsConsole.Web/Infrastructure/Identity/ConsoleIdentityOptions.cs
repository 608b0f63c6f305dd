namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>How the console learns who is asking.</summary>
public enum IdentityMode
{
    /// <summary>Nobody is identified; the one write is accepted from loopback only (the default).</summary>
    LocalOnly,

    /// <summary>OpenID Connect sign-in (authorization code + PKCE) and a cookie session.</summary>
    Oidc,

    /// <summary>An authenticating reverse proxy passes the user and groups in request headers.</summary>
    ProxyHeaders,
}

/// <summary>Settings of <c>OpsConsole:Identity</c>: the mode, its provider settings and the role mapping.</summary>
public sealed class ConsoleIdentityOptions
{
    public const string Section = "OpsConsole:Identity";

    public IdentityMode Mode { get; set; } = IdentityMode.LocalOnly;

    /// <summary>OpenID Connect provider settings (mode <c>Oidc</c>).</summary>
    public OidcSettings Oidc { get; set; } = new();

    /// <summary>
    /// Proxies (CIDR such as <c>10.0.0.0/24</c>, or single addresses) whose identity headers are believed
    /// (mode <c>ProxyHeaders</c>). The TCP peer of the request must be in this list.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The header carrying the user name (mode <c>ProxyHeaders</c>).</summary>
    public string UserHeader { get; set; } = "X-Forwarded-User";

    /// <summary>The header carrying the comma-separated groups (mode <c>ProxyHeaders</c>).</summary>
    public string GroupsHeader { get; set; } = "X-Forwarded-Groups";

    /// <summary>Role name (<c>operator</c>, <c>approver</c>) → the groups that hold it.</summary>
    public Dictionary<string, List<string>> Roles { get; set; } = [];

    /// <summary>Team name (the package's <c>team</c>) → the groups whose members lead it.</summary>
    public Dictionary<string, List<string>> TeamLeads { get; set; } = [];

    /// <summary>True when a mode other than <c>LocalOnly</c> is on: roles replace the loopback rule.</summary>
    public bool IdentifiesUsers => Mode != IdentityMode.LocalOnly;
}

/// <summary>Settings of <c>OpsConsole:Identity:Oidc</c>.</summary>
public sealed class OidcSettings
{
    /// <summary>The issuer, e.g. <c>https://sso.example.com/realms/noc</c>.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>Empty for a public client (PKCE only).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The token claim that lists the user's groups.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>The claim shown as the user's name and recorded as <c>responded_by</c> (falls back to <c>name</c>, then <c>sub</c>).</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Scopes asked for, besides <c>openid</c>.</summary>
    public List<string> Scopes { get; set; } = ["profile"];

    /// <summary>
    /// Fetch the provider's metadata over HTTPS only. <c>false</c> is accepted only for a loopback authority
    /// (the browser tests' own identity provider); start-up refuses it for any other host.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

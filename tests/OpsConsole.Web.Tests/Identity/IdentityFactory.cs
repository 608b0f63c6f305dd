using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpsConsole.Web.Tests.Engagement;

namespace OpsConsole.Web.Tests.Identity;

/// <summary>A test user: the name and the groups the proxy (or the provider) says they have.</summary>
public sealed record TestUser(string Name, params string[] Groups)
{
    public static readonly TestUser Operator = new("olga.operadora", "noc");
    public static readonly TestUser Approver = new("carlos.lima", "aprovadores");
    public static readonly TestUser TransportLead = new("ana.lider", "lideres-transporte");
    public static readonly TestUser OtherTeamLead = new("bruno.acesso", "lideres-acesso");
    public static readonly TestUser NoRole = new("visitante", "marketing");
    public static readonly TestUser NoGroups = new("sem.grupos");
}

/// <summary>
/// The engagement fixture with users identified: ProxyHeaders (the default here) or Oidc. The device's
/// package belongs to team "Transport"; "Equipe Acesso" is another team.
/// </summary>
public sealed class IdentityFactory : EngagementFactory
{
    /// <summary>The proxy every request comes through unless a test changes <c>RemoteAddress</c>.</summary>
    public static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    public const string Authority = "https://sso.example.test/realms/noc";

    public IdentityFactory()
    {
        RemoteAddress = Proxy;
    }

    public string Mode { get; init; } = "ProxyHeaders";

    /// <summary>Extra settings (e.g. to break the configuration in start-up tests).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var settings = new Dictionary<string, string?>
        {
            ["OpsConsole:Identity:Mode"] = Mode,
            ["OpsConsole:Identity:TrustedProxies:0"] = "10.0.0.0/24",
            ["OpsConsole:Identity:Roles:operator:0"] = "noc",
            ["OpsConsole:Identity:Roles:approver:0"] = "aprovadores",
            ["OpsConsole:Identity:TeamLeads:Transport:0"] = "lideres-transporte",
            ["OpsConsole:Identity:TeamLeads:Equipe Acesso:0"] = "lideres-acesso",
            ["OpsConsole:Identity:Oidc:Authority"] = Authority,
            ["OpsConsole:Identity:Oidc:ClientId"] = "opsconsole",
            ["OpsConsole:Identity:Oidc:ClientSecret"] = "test-secret",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
            // No provider runs in these tests: a fixed configuration lets the sign-in redirect be built offline.
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = Authority,
                    AuthorizationEndpoint = Authority + "/protocol/openid-connect/auth",
                    TokenEndpoint = Authority + "/protocol/openid-connect/token",
                    EndSessionEndpoint = Authority + "/protocol/openid-connect/logout",
                };
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            }));
    }

    /// <summary>A client whose requests carry the user's identity headers (as the proxy would add them).</summary>
    public async Task<HttpClient> ProxiedClientAsync(TestUser? user, string? culture = null)
    {
        var client = await CreateReadyClientAsync(culture);
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-User", user.Name);
            client.DefaultRequestHeaders.Add("X-Forwarded-Groups", string.Join(",", user.Groups));
        }

        return client;
    }

    /// <summary>A client holding a session cookie as the Oidc sign-in would issue it (valid, or already expired).</summary>
    public async Task<HttpClient> SignedInClientAsync(TestUser user, bool expired = false, string? culture = null)
    {
        return await CookieClientAsync("opsconsole.session", SessionCookie(user, expired), culture);
    }

    /// <summary>A client (no redirects followed) whose cookie jar starts with one cookie.</summary>
    public async Task<HttpClient> CookieClientAsync(string name, string value, string? culture = null)
    {
        var jar = new CookieContainer();
        jar.Add(new Cookie(name, value, "/", "localhost"));
        var client = CreateDefaultClient(new Uri("http://localhost"), new CookieJar(jar));
        if (culture is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        }

        await WaitReadyAsync();
        return client;
    }

    public string SessionCookie(TestUser user, bool expired)
    {
        var claims = new List<Claim> { new("sub", user.Name + "-id"), new("preferred_username", user.Name) };
        claims.AddRange(user.Groups.Select(g => new Claim("groups", g)));
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, "AuthenticationTypes.Federation", "preferred_username", "roles")),
            new AuthenticationProperties { IssuedUtc = now.AddHours(expired ? -10 : 0), ExpiresUtc = now.AddHours(expired ? -2 : 8) },
            CookieAuthenticationDefaults.AuthenticationScheme);
        var format = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;
        return format.Protect(ticket);
    }

    /// <summary>GETs the device page with <paramref name="client"/> and returns a session ready to post its forms.</summary>
    public static async Task<EngagementSession> SessionAsync(HttpClient client)
    {
        var session = new EngagementSession(client);
        await session.LoadTokenAsync($"/service-engagement/{Device}/items/tenant");
        return session;
    }
}

/// <summary>Sends the jar's cookies and keeps the ones the app sets (the test client's own jar cannot be pre-filled).</summary>
internal sealed class CookieJar(CookieContainer jar) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = jar.GetCookieHeader(request.RequestUri!);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                jar.SetCookies(request.RequestUri!, cookie);
            }
        }

        return response;
    }
}

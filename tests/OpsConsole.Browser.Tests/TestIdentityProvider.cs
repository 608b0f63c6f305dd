using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OpsConsole.Browser.Tests;

/// <summary>
/// A real OpenID Connect provider for the browser tests: OpenIddict's server in degraded mode (no
/// database; this class validates the one client itself), on a loopback port over plain HTTP, with a
/// test login page where a user is picked from <see cref="Users"/>. Only for tests.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "opsconsole";
    public const string ClientSecret = "browser-test-secret";
    private const string LoginScheme = "test-idp";

    /// <summary>The users the login page offers, with their groups.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Users = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ana.lider"] = ["lideres-transporte"],
        ["olga.operadora"] = ["noc"],
        ["sem.grupos"] = [],
    };

    private readonly WebApplication _app;

    private TestIdentityProvider(WebApplication app, string issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    /// <summary>The provider's base address, e.g. http://127.0.0.1:41234/.</summary>
    public string Issuer { get; }

    /// <summary>The console's base address; redirects elsewhere are refused.</summary>
    public string ConsoleBaseUrl { get; set; } = "";

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(LoginScheme).AddCookie(LoginScheme, o =>
        {
            o.Cookie.Name = "test-idp.session";
            o.LoginPath = "/login";
        });
        TestIdentityProvider? self = null;
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/logout");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            o.EnableDegradedMode();
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough().DisableTransportSecurityRequirement();
            o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.RedirectUri != self!.ConsoleBaseUrl + "/signin-oidc")
                {
                    context.Reject(Errors.InvalidClient, "unknown client or redirect_uri");
                }

                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "bad client credentials");
                }

                return default;
            }));
            o.AddEventHandler<ValidateEndSessionRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.Request.PostLogoutRedirectUri is { } uri && !uri.StartsWith(self!.ConsoleBaseUrl + "/", StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "unknown post_logout_redirect_uri");
                }

                return default;
            }));
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/login", LoginPage);
        app.MapPost("/login", (Func<HttpContext, Task<IResult>>)LoginAsync);
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)AuthorizeAsync);
        app.MapMethods("/connect/logout", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)LogoutAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new TestIdentityProvider(app, address.TrimEnd('/') + "/");
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult LoginPage(HttpContext http)
    {
        var returnUrl = HtmlEncoder.Default.Encode(http.Request.Query["ReturnUrl"].ToString());
        var options = string.Concat(Users.Keys.Select(u => $"<option value=\"{u}\">{u}</option>"));
        return Results.Content($"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
            <body><main><h1>Test identity provider</h1>
            <form method="post" action="/login"><input type="hidden" name="returnUrl" value="{returnUrl}">
            <label for="user">User</label><select id="user" name="user">{options}</select>
            <button type="submit">Sign in at the provider</button></form></main></body></html>
            """, "text/html");
    }

    private static async Task<IResult> LoginAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var user = form["user"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (!Users.ContainsKey(user) || !returnUrl.StartsWith("/connect/authorize?", StringComparison.Ordinal))
        {
            return Results.BadRequest();
        }

        await http.SignInAsync(LoginScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], LoginScheme)));
        return Results.Redirect(returnUrl);
    }

    /// <summary>The passthrough authorization endpoint: log in first, then issue a code for the user and their groups.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var login = await http.AuthenticateAsync(LoginScheme);
        if (!login.Succeeded || login.Principal.Identity?.Name is not { } name)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString }, [LoginScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, name + "-id"));
        identity.AddClaim(new Claim(Claims.Name, name));
        identity.AddClaim(new Claim(Claims.PreferredUsername, name));
        foreach (var group in Users[name])
        {
            identity.AddClaim(new Claim("groups", group));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The passthrough end-session endpoint: end the provider's own session, then return to the console.</summary>
    private static async Task<IResult> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(LoginScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}

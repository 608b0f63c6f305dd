using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>Identity and roles: the mode's authentication, the role policies and what a refusal gets.</summary>
internal static class IdentityRegistration
{
    /// <summary>
    /// Registers <c>OpsConsole:Identity</c>. The mode is read here because it decides which handlers exist;
    /// the rest of the settings are validated on start.
    /// </summary>
    public static IServiceCollection AddOpsConsoleIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleIdentityOptions>().BindConfiguration(ConsoleIdentityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsoleIdentityOptions>, ConsoleIdentityValidation>();
        services.AddSingleton(sp => TrustedNetworks.From(sp.GetRequiredService<IOptions<ConsoleIdentityOptions>>().Value.TrustedProxies));
        services.AddSingleton<IAuthorizationHandler, ConsoleReaderHandler>();
        services.AddSingleton<IAuthorizationHandler, EngagementWriteHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddTransient<IClaimsTransformation, RoleClaimsTransformation>();
        services.Configure<MvcOptions>(o => o.Filters.Add<AntiforgeryRefusalFilter>());

        var mode = configuration.GetSection(ConsoleIdentityOptions.Section).GetValue(nameof(ConsoleIdentityOptions.Mode), IdentityMode.LocalOnly);
        services.AddAuthorization(o =>
        {
            o.AddPolicy(ConsoleAccess.ReaderPolicy, p => p.AddRequirements(new ConsoleReaderRequirement()));
            o.AddPolicy(ConsoleAccess.EngagementWritePolicy, p => p.AddRequirements(new EngagementWriteRequirement()));
            if (mode != IdentityMode.LocalOnly)
            {
                // Every endpoint without its own rule needs a role; /health and /metrics are let through by the handler.
                o.FallbackPolicy = o.GetPolicy(ConsoleAccess.ReaderPolicy);
            }
        });

        var auth = mode switch
        {
            IdentityMode.Oidc => services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            }).AddConsoleOidc(),
            IdentityMode.ProxyHeaders => services.AddAuthentication(ProxyHeadersHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, ProxyHeadersHandler>(ProxyHeadersHandler.SchemeName, null),
            _ => services.AddAuthentication(),
        };
        _ = auth;
        return services;
    }

    /// <summary>Authentication and authorization, after routing (so endpoints' rules are known).</summary>
    public static IApplicationBuilder UseOpsConsoleIdentity(this IApplicationBuilder app)
    {
        var o = app.ApplicationServices.GetRequiredService<IOptions<ConsoleIdentityOptions>>().Value;
        if (o.Mode == IdentityMode.Oidc && Uri.TryCreate(o.Oidc.Authority, UriKind.Absolute, out var authority))
        {
            // The sign-out form posts here and is redirected to the provider: CSP form-action must allow its origin.
            var origin = authority.GetLeftPart(UriPartial.Authority);
            app.Use((context, next) =>
            {
                context.Items[SecurityHeaders.FormActionSourcesKey] = origin;
                return next(context);
            });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

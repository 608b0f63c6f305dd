using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Infrastructure.Demo;
using OpsConsole.Web.Infrastructure.ScaleOut;
using OpsConsole.Web.Pages.Engagement;

namespace OpsConsole.Web.Infrastructure;

/// <summary>One extension per layer, so Program.cs reads like a table of contents.</summary>
internal static class ServiceRegistration
{
    public static readonly CultureInfo[] SupportedCultures = [new("en"), new("pt-BR")];

    /// <summary>Options, artifact store, index database (SQLite or PostgreSQL), audit store and log, and the index maintainer.</summary>
    public static IServiceCollection AddOpsConsoleCore(this IServiceCollection services, IWebHostEnvironment env, IConfiguration configuration)
    {
        services.AddOptions<OpsConsoleOptions>()
            .BindConfiguration(OpsConsoleOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => Directory.Exists(ContentPath(env, o.ArtifactRoot)),
                "OpsConsole:ArtifactRoot does not exist. Point it at the artifact folder (e.g. --OpsConsole:ArtifactRoot=/path/to/reports).")
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OpsConsoleOptions>>().Value;
            return new ArtifactStore(ContentPath(env, o.ArtifactRoot), o.MaxArtifactBytes, o.CacheEntries);
        });
        services.AddOpsConsoleDatabase(env, configuration);
        // Decided once at start: the stamp is written before the host is built (LiveDemo.Prepare).
        services.AddSingleton(sp => DemoData.For(ContentPath(env, sp.GetRequiredService<IOptions<OpsConsoleOptions>>().Value.ArtifactRoot)));
        services.AddSingleton<IndexState>();
        services.AddSingleton<IndexVersionMemo>();
        services.AddSingleton(IndexStartSignal.Released());
        // The indexer's constructor takes a context-creating delegate (the CLI and tests build it by hand);
        // in the container it is the factory's method, so the one database idiom here is IDbContextFactory.
        services.AddSingleton(sp => new ArtifactIndexer(sp.GetRequiredService<ArtifactStore>(),
            sp.GetRequiredService<IDbContextFactory<IndexDbContext>>().CreateDbContext, sp.GetRequiredService<IndexState>(),
            sp.GetService<ArtifactTreeWalker>()));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<StopConditionJournalRecorder>();
        services.AddHostedService<IndexMaintainer>();
        return services;
    }

    /// <summary>Razor Pages, localization, health checks, antiforgery and Kestrel hardening.</summary>
    public static IServiceCollection AddOpsConsoleWeb(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddOpsConsoleFeatures();

        // Portuguese text is served as UTF-8 characters, not numeric entities (still HTML-encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages()
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "opsconsole.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHealthChecks()
            .AddCheck<ArtifactRootHealthCheck>("artifact-root", tags: ["ready"])
            .AddCheck<IndexReadyHealthCheck>("index", tags: ["ready"])
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes;
        });
        services.AddRequestBodyLimit();
        services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(o => o.LowercaseUrls = true);
        return services;
    }

    /// <summary>Resolves a configured path against the content root (relative paths are never CWD-relative).</summary>
    public static string ContentPath(IWebHostEnvironment env, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(env.ContentRootPath, path));
}

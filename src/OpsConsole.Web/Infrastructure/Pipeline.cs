using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Infrastructure.Identity;
using OpsConsole.Web.Infrastructure.ScaleOut;
using Serilog;
using Serilog.Configuration;
using Serilog.Formatting.Compact;

namespace OpsConsole.Web.Infrastructure;

/// <summary>Logging set-up, the middleware pipeline and start-up work.</summary>
internal static class Pipeline
{
    /// <summary>Serilog: console + rolling compact-JSON file behind <see cref="RedactingLogSink"/>, levels from configuration.</summary>
    public static WebApplicationBuilder AddOpsConsoleLogging(this WebApplicationBuilder builder)
    {
        var logDir = ServiceRegistration.ContentPath(builder.Environment,
            builder.Configuration[$"{OpsConsoleOptions.Section}:LogDirectory"] ?? "data/logs");
        builder.Services.AddSerilog((services, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            // Every sink behind one redacting wrapper: no log line carries a secret (docs/security.md).
            .WriteTo.Sink(LoggerSinkConfiguration.Wrap(sink => new RedactingLogSink(sink), sinks =>
            {
                sinks.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                sinks.File(new CompactJsonFormatter(), Path.Combine(logDir, "opsconsole-.json"),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, fileSizeLimitBytes: 50 * 1024 * 1024, rollOnFileSizeLimit: true);
            })),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>Error handling, headers, request logging, localization, static files, routing.</summary>
    public static WebApplication UseOpsConsolePipeline(this WebApplication app)
    {
        // Culture first, so error pages re-executed further down keep the user's language.
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.Use(RememberCulture);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestBodyLimit();

        // Request path only (never the query string, which may carry user input), status and time.
        app.UseSerilogRequestLogging(o => o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
        app.UseStaticFiles();
        app.UseDatabaseOutagePage();
        app.UseRouting();
        app.UseOpsConsoleIdentity();
        app.UseAntiforgery();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Pages, health and download endpoints.</summary>
    public static WebApplication MapOpsConsoleEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpsConsoleHealth();
        app.MapDownload();
        return app;
    }

    /// <summary>
    /// Creates or migrates the audit store and the index, moves an older version's audit rows out of the
    /// index (once), and records the start-up.
    /// </summary>
    public static WebApplication PrepareIndex(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<ArtifactStore>();
        var options = app.Services.GetRequiredService<IOptions<OpsConsoleOptions>>().Value;
        var indexPath = ServiceRegistration.ContentPath(app.Environment, options.DatabasePath);
        var auditStore = app.Services.GetRequiredService<IAuditStore>();
        Log.Starting(app.Logger, store.Root, options.Database.IsPostgres ? "postgres" : indexPath,
            options.Database.IsPostgres ? "postgres" : ServiceRegistration.ContentPath(app.Environment, options.AuditPath));
        auditStore.EnsureCreated();
        app.Services.GetRequiredService<ArtifactIndexer>().EnsureDatabase();
        var moved = auditStore is SqliteAuditStore ? LegacyAuditImport.Run(indexPath, auditStore) : 0;
        if (moved > 0)
        {
            Log.LegacyAuditMoved(app.Logger, moved);
        }

        app.Services.GetRequiredService<AuditLog>().Record("startup", "opsconsole", store.Root, "web", "ok");
        return app;
    }

    /// <summary>A <c>?culture=</c> choice is remembered in a cookie so the next pages keep it.</summary>
    private static async Task RememberCulture(HttpContext context, Func<Task> next)
    {
        var requested = context.Request.Query["culture"].ToString();
        if (requested.Length > 0 && ServiceRegistration.SupportedCultures.Any(c => c.Name.Equals(requested, StringComparison.OrdinalIgnoreCase)))
        {
            var culture = ServiceRegistration.SupportedCultures.First(c => c.Name.Equals(requested, StringComparison.OrdinalIgnoreCase)).Name;
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Path = "/" });
        }

        await next();
    }
}

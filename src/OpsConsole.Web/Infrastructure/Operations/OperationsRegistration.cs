using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpsConsole.Core;
using OpsConsole.Web.Pages.Engagement;

namespace OpsConsole.Web.Infrastructure.Operations;

/// <summary>Running as a service: systemd, graceful stop, one instance per data folder, <c>/metrics</c>.</summary>
internal static class OperationsRegistration
{
    /// <summary>
    /// How long a stop waits for in-flight requests (an engagement save) and background work. Below the
    /// 10 s an operator or systemd (TimeoutStopSec=15 in deploy/opsconsole.service) is promised.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);

    /// <summary>The ASP.NET Core meters exported besides the console's own.</summary>
    public static readonly string[] AspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static WebApplicationBuilder AddOpsConsoleOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Type=notify: READY=1 once Kestrel listens, STOPPING=1 on SIGTERM. Does nothing outside systemd.
        services.AddSystemd();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<IOptions<OpsConsoleOptions>>().Value.DatabasePath;
            return DataFolderLock.Acquire(Path.GetDirectoryName(ServiceRegistration.ContentPath(builder.Environment, database))!);
        });

        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.AllValid(), "OpsConsole:Metrics:AllowedNetworks holds an entry that is not a CIDR network (e.g. 10.20.0.0/24 or ::1/128).")
            .ValidateOnStart();
        services.AddSingleton<CatalogueFigureCache>();
        services.AddSingleton<ConsoleMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("opsconsole"))
            .WithMetrics(metrics => metrics
            .AddMeter(ConsoleMetrics.MeterName)
            .AddMeter(AspNetCoreMeters)
            // No response cache: a scrape right after a change (an alert check, a test) reads the new values;
            // the values themselves are cached per index version, so a scrape stays cheap.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Takes the data folder's lock before anything touches the database; a second instance stops here.</summary>
    public static WebApplication HoldDataFolderLock(this WebApplication app)
    {
        app.Services.GetRequiredService<DataFolderLock>();
        return app;
    }

    /// <summary>
    /// <c>/metrics</c> for the allowed networks, ahead of the page pipeline (a scrape is neither logged
    /// per request nor localized). Anyone else falls through to the pages and gets their 404.
    /// </summary>
    public static WebApplication MapOpsConsoleMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<ConsoleMetrics>();
        var networks = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Networks();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsOptions.Path
            && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && IsAllowed(ClientAddress.Of(context), networks));
        return app;
    }

    private static bool IsAllowed(IPAddress? client, IReadOnlyList<IPNetwork> networks) =>
        client is not null && networks.Any(n => n.Contains(client));
}

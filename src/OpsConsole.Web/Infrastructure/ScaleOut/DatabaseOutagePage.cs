using OpsConsole.Core.Index;

namespace OpsConsole.Web.Infrastructure.ScaleOut;

/// <summary>
/// While the shared database cannot be reached, every page answers 503 with a plain localized message
/// (the error page) instead of views computed before the outage: nothing stale is presented as current.
/// Health endpoints, the error page itself and static files are not affected.
/// </summary>
internal static class DatabaseOutagePage
{
    public static WebApplication UseDatabaseOutagePage(this WebApplication app)
    {
        var state = app.Services.GetRequiredService<IndexState>();
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/health") && !path.StartsWithSegments("/error"))
            {
                // Reading the version asks the database (at most every 200 ms) and updates DatabaseAvailable.
                _ = state.Version;
                if (!state.DatabaseAvailable)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "5";
                    return;
                }
            }

            await next();
        });
        return app;
    }
}

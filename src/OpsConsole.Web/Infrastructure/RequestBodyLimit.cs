using Microsoft.AspNetCore.Http.Features;

namespace OpsConsole.Web.Infrastructure;

/// <summary>
/// The one request-body cap of the app (64 KiB: the engagement form is the only body it accepts). Kestrel
/// enforces it on the socket; this middleware enforces it in every host (also the test server): a declared
/// Content-Length over the cap is answered 413 before anything reads the body, and the form reader is
/// limited to the same size for bodies sent without a length.
/// </summary>
internal static class RequestBodyLimit
{
    public const long MaxBytes = 64 * 1024;

    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services) =>
        services.Configure<FormOptions>(o =>
        {
            o.BufferBodyLengthLimit = MaxBytes;
            o.MultipartBodyLengthLimit = MaxBytes;
            o.ValueLengthLimit = (int)MaxBytes;
            o.ValueCountLimit = 64;
        });

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = MaxBytes;
            }

            await next();
        });
}

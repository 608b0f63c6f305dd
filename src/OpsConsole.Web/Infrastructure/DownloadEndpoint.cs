using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Infrastructure;

/// <summary><c>GET /download?path=</c>: serves one allowed artifact; refuses everything else with a bare 404.</summary>
internal static class DownloadEndpoint
{
    public static IEndpointRouteBuilder MapDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/download", Handle);
        return app;
    }

    private static async Task<IResult> Handle(string? path, HttpContext http, ArtifactStore store,
        QuarantinedFiles quarantine, AuditLog audit, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("OpsConsole.Download");
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var full = store.Resolve(path);
        var rel = full is null ? null : SafePath.ToRelative(store.Root, full);
        var contentType = rel is null ? null : DownloadPolicy.ContentTypeFor(rel);
        var reason = full is null ? "path not allowed"
            : contentType is null ? "kind not downloadable"
            : !File.Exists(full) ? "no such file"
            : quarantine.IsQuarantined(rel!) ? "quarantined: a secret was found in this file"
            : null;

        // Refusals are audited with a shortened, sanitised path: never echo hostile input at length.
        var shown = Shorten(rel ?? path);
        if (reason is not null)
        {
            audit.Record("download", Identity.IdentityAudit.Actor(http), shown, $"web {remote}", "refused", reason);
            Log.Download(logger, shown, "refused: " + reason);
            return Results.NotFound();
        }

        var bytes = store.ReadBytes(rel!);
        if (bytes is null)
        {
            audit.Record("download", Identity.IdentityAudit.Actor(http), shown, $"web {remote}", "refused", "over the size cap");
            return Results.NotFound();
        }

        // Fail closed even before the index has seen the file: a secret found now also quarantines it, and
        // a file whose text could not be decoded (so not scanned) is never served either.
        var sweep = ArtifactSecrets.Inspect(ArtifactKinds.Classify(rel!), rel!, bytes);
        var refusal = sweep.Hits.Count > 0 ? "quarantined: a secret was found in this file"
            : !sweep.Scanned ? "not scanned for secrets: the file could not be decoded as text"
            : null;
        if (refusal is not null)
        {
            audit.Record("download", Identity.IdentityAudit.Actor(http), rel, $"web {remote}", "refused", refusal);
            Log.Download(logger, rel!, "refused: " + refusal);
            return Results.NotFound();
        }

        audit.Record("download", Identity.IdentityAudit.Actor(http), rel, $"web {remote}", "ok", $"{bytes.Length} bytes");
        Log.Download(logger, rel!, "served");
        return Results.File(bytes, contentType, DownloadPolicy.FileNameFor(rel!));
    }

    private static string Shorten(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(empty)";
        }

        var clean = new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length > 120 ? clean[..120] + "…" : clean;
    }
}

using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Archive;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Infrastructure;

namespace OpsConsole.Web.Pages.Archive;

/// <summary>
/// <c>/archive/{bundle}/entry?path=…</c>: one archived entry read on demand, checked against its manifest hash and shown
/// through the redactor; <c>&amp;download=true</c> serves it under the <c>/download</c> rules (safe kind, no secret).
/// A name not in the bundle's manifest (<c>..</c>, an absolute path, anything else) is a bare 404.
/// </summary>
public sealed class EntryModel(ArchivedRecords archive, AuditLog audit) : PageModel
{
    [FromQuery(Name = "path")] public string? EntryPath { get; set; }
    [FromQuery(Name = "download")] public bool Download { get; set; }

    public BundleCheck Bundle { get; private set; } = null!;
    public ArchiveEntry? Entry { get; private set; }

    /// <summary>Why the entry could not be read (bundle unreadable, hash mismatch); null when it was.</summary>
    public string? Problem { get; private set; }

    /// <summary>The entry's text with every secret masked.</summary>
    public string? Text { get; private set; }

    /// <summary>True when a secret was found (the text is masked and the entry cannot be downloaded).</summary>
    public bool Quarantined { get; private set; }

    /// <summary>True when the entry may be downloaded.</summary>
    public bool CanDownload { get; private set; }

    public IActionResult OnGet(string bundle)
    {
        if (archive.Find(bundle) is not { } found)
        {
            return NotFound();
        }

        Bundle = found;
        var read = archive.ReadEntry(found, EntryPath);
        if (read.Entry is null && found.IsReadable)
        {
            return NotFound(); // not in the manifest: traversal and guessing are refused alike
        }

        Entry = read.Entry;
        Problem = read.Problem;
        if (read.Bytes is { } bytes)
        {
            var sweep = ArtifactSecrets.Inspect(ArtifactKinds.Classify(read.Entry!.Path), read.Entry.Path, bytes);
            Quarantined = sweep.Hits.Count > 0 || !sweep.Scanned;
            CanDownload = !Quarantined && DownloadPolicy.ContentTypeFor(read.Entry.Path) is not null;
            Text = SecretRedactor.Redact(Encoding.UTF8.GetString(bytes));
            if (Download)
            {
                return Serve(read.Entry.Path, bytes);
            }
        }

        return Download ? NotFound() : Page();
    }

    private IActionResult Serve(string path, byte[] bytes)
    {
        var remote = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var target = $"{Bundle.Name.Path}!{path}";
        if (!CanDownload)
        {
            audit.Record("download", Infrastructure.Identity.IdentityAudit.Actor(HttpContext), target, $"web {remote}", "refused",
                Quarantined ? "quarantined: a secret was found in this archived entry" : "kind not downloadable");
            return NotFound();
        }

        audit.Record("download", Infrastructure.Identity.IdentityAudit.Actor(HttpContext), target, $"web {remote}", "ok", $"{bytes.Length} bytes");
        return File(bytes, DownloadPolicy.ContentTypeFor(path)!, DownloadPolicy.FileNameFor(path));
    }
}

using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Handoff;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Handoff;

/// <summary>One handoff file as the list shows it. <see cref="Document"/> is null when unreadable or quarantined.</summary>
public sealed record HandoffEntry(string Name, string Path, long Size, DateTimeOffset Modified, string? Problem, bool Quarantined, HandoffDocument? Document);

/// <summary>Reads handoff documents: the list from the index, each file through the store, parsed once per file version.</summary>
public sealed partial class HandoffQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, QuarantinedFiles quarantine)
{
    /// <summary>Top-level routes this console serves; a document's named route is linked only when its first segment is one of them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConsoleRoutes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/devices"] = "nav.devices",
        ["/service-engagement"] = "nav.engagement",
        ["/approval-queue"] = "nav.approvals",
        ["/batch-results"] = "nav.batches",
        ["/compliance-reports"] = "nav.compliance",
        ["/incidents"] = "nav.incidents",
        ["/controlled-operation"] = "nav.operations",
        ["/handoff"] = "nav.handoff",
        ["/artifacts"] = "nav.artifacts",
        ["/stop-conditions"] = "nav.stop",
        ["/metrics-board"] = "nav.metrics",
        ["/audit"] = "nav.audit",
    };

    // The store hands out the same LoadedArtifact until the file changes, so this caches per file version.
    private static readonly ConditionalWeakTable<LoadedArtifact, HandoffDocument> Parsed = new();

    /// <summary>Route id rule: a plain file name (no dots at the start, no slashes).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,100}(\\.[A-Za-z0-9_-]+){0,3}$")]
    public static partial Regex DocName();

    /// <summary>Every handoff document, by path.</summary>
    public async Task<IReadOnlyList<HandoffEntry>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var paths = await db.Artifacts.AsNoTracking()
            .Where(a => a.Kind == nameof(ArtifactKind.HandoffDocument))
            .OrderBy(a => a.Path).Select(a => a.Path).ToListAsync();
        return [.. paths.Select(Entry).OfType<HandoffEntry>()];
    }

    /// <summary>The document <c>handoff/&lt;name&gt;.md</c>, or null when the name is invalid or no such file exists.</summary>
    public HandoffEntry? Find(string? name) =>
        name is not null && DocName().IsMatch(name) ? Entry($"handoff/{name}.md") : null;

    /// <summary>Console routes (top level) that <paramref name="doc"/> names, in order.</summary>
    public static IReadOnlyList<string> LinkableRoutes(HandoffDocument doc) =>
        [.. doc.NamedRoutes.Select(r => "/" + r.TrimStart('/').Split('/')[0]).Where(ConsoleRoutes.ContainsKey).Distinct(StringComparer.Ordinal)];

    private HandoffEntry? Entry(string path)
    {
        var loaded = store.Load(path);
        if (loaded is null || loaded.Kind != ArtifactKind.HandoffDocument)
        {
            return null;
        }

        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var text = loaded.As<string>();
        var quarantined = quarantine.IsQuarantined(loaded);
        var document = text is null || quarantined ? null : Parsed.GetValue(loaded, _ => HandoffDocument.Parse(name, text));
        return new HandoffEntry(name, path, loaded.Length, loaded.LastWriteUtc, loaded.Problem, quarantined, document);
    }
}

using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Handoff;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Handoff;

/// <summary>Handoff documents: the list from the index, each file through the store, parsed once per file version.</summary>
public sealed partial class HandoffReads(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, QuarantinedFiles quarantine)
{
    // The store hands out the same LoadedArtifact until the file changes, so this caches per file version.
    private static readonly ConditionalWeakTable<LoadedArtifact, HandoffDocument> Parsed = new();

    /// <summary>Route id rule: a plain file name (no dots at the start, no slashes).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,100}(\\.[A-Za-z0-9_-]+){0,3}$")]
    public static partial Regex DocName();

    /// <summary>Every handoff document, by path.</summary>
    public async Task<IReadOnlyList<HandoffEntry>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var paths = await db.OfKind(ArtifactKind.HandoffDocument).OrderBy(a => a.Path).Select(a => a.Path).ToListAsync();
        return [.. paths.Select(Entry).OfType<HandoffEntry>()];
    }

    /// <summary>The document <c>handoff/&lt;name&gt;.md</c>, or null when the name is invalid or no such file exists.</summary>
    public HandoffEntry? Find(string? name) =>
        name is not null && DocName().IsMatch(name) ? Entry($"handoff/{name}.md") : null;

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

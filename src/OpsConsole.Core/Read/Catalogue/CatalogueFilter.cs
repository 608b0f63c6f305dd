namespace OpsConsole.Core.Read.Catalogue;

/// <summary>The filters of the catalogue (<c>/artifacts</c>).</summary>
/// <param name="Kind">An <see cref="OpsConsole.Core.Artifacts.ArtifactKind"/> name, or null/blank for every kind.</param>
/// <param name="UnreadableOnly">Only files that could not be read.</param>
/// <param name="Search">Text the path contains, or null/blank for any path.</param>
public sealed record CatalogueFilter(string? Kind, bool UnreadableOnly, string? Search);

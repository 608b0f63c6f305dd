using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Catalogue;

/// <summary>
/// One file of the catalogue, whatever its kind: only the columns every index row has the same meaning for
/// (no facet column, so no per-kind interpretation).
/// </summary>
public sealed record CatalogueRow : ArtifactRow
{
    /// <summary>The <see cref="OpsConsole.Core.Artifacts.ArtifactKind"/> name.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The file's modification time when indexed (UTC).</summary>
    public DateTimeOffset Modified { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; init; } = "";
}

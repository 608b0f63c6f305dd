namespace OpsConsole.Core.Read.Rows;

/// <summary>
/// What every typed row shares: the file's identity in the index and whether it could be read. Typed rows
/// are projections of the one generic index row (see <see cref="ArtifactProjections"/>), never a second table.
/// </summary>
public abstract record ArtifactRow
{
    /// <summary>Index row id (a stable tie-breaker in orderings).</summary>
    public int Id { get; init; }

    /// <summary>Root-relative path (forward slashes).</summary>
    public string Path { get; init; } = "";

    /// <summary>Size in bytes when indexed.</summary>
    public long Size { get; init; }

    /// <summary>True when the file parsed and validated.</summary>
    public bool Readable { get; init; }

    /// <summary>The "unreadable: reason" text; null when readable.</summary>
    public string? Problem { get; init; }
}

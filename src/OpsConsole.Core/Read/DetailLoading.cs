using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read;

/// <summary>"Load the file or return the problem": the one step every detail page takes after the index found its row.</summary>
public static class DetailLoading
{
    /// <summary>The problem shown when the index still lists a file that has left the root.</summary>
    public const string Gone = "the file is no longer in the artifact root";

    /// <summary>Reads <paramref name="row"/>'s file through <paramref name="store"/> (redacted, size-capped).</summary>
    public static ArtifactDetail<TRow, TDocument> LoadDetail<TRow, TDocument>(this ArtifactStore store, TRow row)
        where TRow : ArtifactRow
        where TDocument : class
    {
        var loaded = store.Load(row.Path);
        return loaded is null
            ? new ArtifactDetail<TRow, TDocument>(row, null, Gone)
            : new ArtifactDetail<TRow, TDocument>(row, loaded.As<TDocument>(), loaded.Problem);
    }
}

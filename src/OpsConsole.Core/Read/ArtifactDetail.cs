namespace OpsConsole.Core.Read;

/// <summary>
/// A detail page's file: its typed index row and the document the store read from it now, or the reason
/// it could not (<see cref="Problem"/>, shown as "unreadable: reason").
/// </summary>
public sealed record ArtifactDetail<TRow, TDocument>(TRow Row, TDocument? Document, string? Problem)
    where TRow : Rows.ArtifactRow
    where TDocument : class;

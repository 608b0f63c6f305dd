namespace OpsConsole.Core.Read.Rows;

/// <summary>A reviewed mark of a compliance run (<c>compliance/&lt;date&gt;.review.json</c>) as reads show it.</summary>
public sealed record ComplianceReviewRow : ArtifactRow
{
    /// <summary>The day the file name names (yyyy-MM-dd).</summary>
    public string? Day { get; init; }

    /// <summary>The date the mark states; null when unreadable. Differs from <see cref="Day"/> only in a misplaced mark.</summary>
    public string? Date { get; init; }

    /// <summary>Who reviewed the run.</summary>
    public string? ReviewedBy { get; init; }

    /// <summary>When the mark was written.</summary>
    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>Divergent reports of the run at review time.</summary>
    public int? Divergent { get; init; }
}

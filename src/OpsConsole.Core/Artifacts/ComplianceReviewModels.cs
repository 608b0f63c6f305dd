namespace OpsConsole.Core.Artifacts;

/// <summary>
/// A reviewed mark of one compliance run (compliance-review@1, this console's extension of the contract):
/// <c>compliance/&lt;date&gt;.review.json</c>, beside the day folder it marks, written by
/// <c>opsconsole compliance review</c>. It records who reviewed the run, when, and what the run held then.
/// </summary>
public sealed record ComplianceReview : ArtifactDocument
{
    /// <summary>The schema string this console writes.</summary>
    public const string SchemaId = "opsconsole/compliance-review@1";

    /// <summary>The day of the run (yyyy-MM-dd); must match the file name.</summary>
    public string Date { get; init; } = "";

    /// <summary>Who reviewed the run (<c>--actor</c>).</summary>
    public string ReviewedBy { get; init; } = "";

    /// <summary>When the mark was written.</summary>
    public DateTimeOffset ReviewedAt { get; init; }

    /// <summary>The reviewer's note, if any (refused when it looks like a secret; shown only through the redaction point).</summary>
    public string? Note { get; init; }

    /// <summary>Report files of the run at review time.</summary>
    public int Reports { get; init; }

    /// <summary>Divergent reports of the run at review time.</summary>
    public int Divergent { get; init; }

    /// <summary>Reports of the run the console could not read at review time.</summary>
    public int Unreadable { get; init; }
}

/// <summary>Where a reviewed mark lives: one file per run day, beside the day folder.</summary>
public static class ComplianceReviewPaths
{
    /// <summary>The suffix after the day in the file name.</summary>
    public const string Suffix = ".review.json";

    /// <summary>The root-relative path of the mark of <paramref name="day"/> (yyyy-MM-dd).</summary>
    public static string For(string day) => $"compliance/{day}{Suffix}";

    /// <summary>The day a mark's file name names, or null when <paramref name="fileName"/> is not a mark's name.</summary>
    public static string? DayOf(string fileName) =>
        fileName.Length == 10 + Suffix.Length && fileName.EndsWith(Suffix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(fileName[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _)
            ? fileName[..10]
            : null;
}

/// <summary>The review states of a compliance run, as the dashboard and the index name them.</summary>
public static class ComplianceReviewStates
{
    /// <summary>A readable mark exists for the run.</summary>
    public const string Reviewed = "reviewed";

    /// <summary>No mark exists for the run.</summary>
    public const string NotReviewed = "not-reviewed";

    /// <summary>A mark exists but could not be read (or names another day): neither reviewed nor not.</summary>
    public const string Unknown = "unknown";
}

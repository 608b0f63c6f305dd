using OpsConsole.Core.Shift;

namespace OpsConsole.Web.Pages.Shift;

/// <summary>What the shift page shows and exports: the window, its coverage, the sections and their lines.</summary>
public sealed record ShiftView
{
    public required ShiftDigest Digest { get; init; }

    /// <summary>The page heading in the request's language.</summary>
    public required string Heading { get; init; }

    /// <summary>"Changes from … to …", times in the shift time zone.</summary>
    public required string Window { get; init; }

    /// <summary>Set when the journal does not cover the window (never a false "nothing changed").</summary>
    public string? CoverageWarning { get; init; }

    public required string NothingChanged { get; init; }

    public required string NoChanges { get; init; }

    /// <summary>Every section with its heading, in page order.</summary>
    public required IReadOnlyList<(ShiftSection Section, string Heading)> Sections { get; init; }

    public required IReadOnlyList<ShiftLine> Lines { get; init; }
}

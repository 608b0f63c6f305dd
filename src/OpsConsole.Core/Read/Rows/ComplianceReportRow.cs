using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Read.Rows;

/// <summary>A compliance report as lists show it.</summary>
public sealed record ComplianceReportRow : ArtifactRow
{
    /// <summary>report_id; null when unreadable.</summary>
    public string? ReportId { get; init; }

    /// <summary>Device name (from the document, or the file name when unreadable).</summary>
    public string? Device { get; init; }

    public long? DeviceId { get; init; }

    /// <summary>generated_at; for an unreadable report, midnight UTC of its day folder.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>Day folder (yyyy-MM-dd).</summary>
    public string? Day { get; init; }

    /// <summary>compliant, divergent or error; null when unreadable.</summary>
    public string? Status { get; init; }

    /// <summary>Most severe divergence severity, null when there is none.</summary>
    public string? MaxSeverity { get; init; }

    /// <summary>The report's source (e.g. the tool that produced it).</summary>
    public string? Source { get; init; }

    /// <summary>Number of divergences.</summary>
    public int? Divergences { get; init; }

    /// <summary>The status a list shows: the report's status, or "unreadable".</summary>
    public string StatusShown => Readable ? Status ?? ReadStatus.Unknown : ReadStatus.Unreadable;

    /// <summary>The link to the detail page: by id when readable, by path otherwise (an unreadable report has no id).</summary>
    public string DetailLink => Readable && !string.IsNullOrEmpty(ReportId)
        ? "/compliance-reports/" + Uri.EscapeDataString(ReportId)
        : "/compliance-reports/file?path=" + Uri.EscapeDataString(Path);
}

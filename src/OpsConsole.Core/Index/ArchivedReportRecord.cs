namespace OpsConsole.Core.Index;

/// <summary>
/// One compliance report held by an archive bundle, as its manifest describes it (the entry itself is never read
/// by the index). Written when the bundle is indexed, removed with it: the device page's archived history and the
/// history counts are queries instead of a read of every manifest (3.35 million entries for a year at 10,000 devices).
/// </summary>
public sealed class ArchivedReportRecord
{
    public long Id { get; set; }

    /// <summary>The bundle's root-relative path (<c>archive/compliance/2026-01-01.zip</c>).</summary>
    public string Bundle { get; set; } = "";

    /// <summary>The device (null when the report did not parse when it was archived).</summary>
    public string? Device { get; set; }

    /// <summary>The run day (yyyy-MM-dd), the bundle's period.</summary>
    public string Day { get; set; } = "";

    /// <summary>The compliance status (null when unknown).</summary>
    public string? Status { get; set; }

    public int Divergences { get; set; }

    /// <summary>The root-relative path when it is not <c>compliance/&lt;day&gt;/&lt;device&gt;.json</c>; null otherwise (most rows).</summary>
    public string? OtherPath { get; set; }

    /// <summary>Where the report lived, and where a restore puts it back.</summary>
    public static string PathOf(string day, string? device, string? otherPath) => otherPath ?? $"compliance/{day}/{device}.json";
}

/// <summary>
/// How many reports of one status a compliance bundle holds: the per-day history counts read these few rows, never
/// the 10,000 report rows of each bundle.
/// </summary>
public sealed class ArchivedReportCountRecord
{
    /// <summary>The status of a report whose manifest entry has none.</summary>
    public const string UnknownStatus = "unknown";

    public long Id { get; set; }

    /// <summary>The bundle's root-relative path.</summary>
    public string Bundle { get; set; } = "";

    /// <summary>The run day (yyyy-MM-dd).</summary>
    public string Day { get; set; } = "";

    /// <summary>The compliance status, <c>unknown</c> when the manifest has none.</summary>
    public string Status { get; set; } = "";

    public int Count { get; set; }
}

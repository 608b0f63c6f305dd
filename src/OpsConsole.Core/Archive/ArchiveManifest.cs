using System.Text.Json.Serialization;

namespace OpsConsole.Core.Archive;

/// <summary>
/// The table of contents of a bundle (<c>manifest.json</c>, schema <c>opsconsole/archive-manifest@1</c>): each
/// entry with its SHA-256 and size, and the facts metrics and history need without opening the entry.
/// </summary>
public sealed record ArchiveManifest
{
    /// <summary>Always <see cref="ArchiveLayout.ManifestSchema"/>.</summary>
    [JsonPropertyName("schema")]
    public string Schema { get; init; } = ArchiveLayout.ManifestSchema;

    /// <summary>When the bundle was written.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary><see cref="ArchiveLayout.Compliance"/> or <see cref="ArchiveLayout.Approvals"/>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "";

    /// <summary>The day (compliance) or month (approvals) the bundle holds.</summary>
    [JsonPropertyName("period")]
    public string Period { get; init; } = "";

    /// <summary>Every archived file, in path order.</summary>
    [JsonPropertyName("entries")]
    public IReadOnlyList<ArchiveEntry> Entries { get; init; } = [];
}

/// <summary>One archived file and its facts (report facts for a compliance report, approval facts for an approval).</summary>
public sealed record ArchiveEntry
{
    /// <summary>The file's root-relative path: where it lived, and where a restore puts it back.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = "";

    /// <summary>SHA-256 of its bytes, lowercase hex.</summary>
    [JsonPropertyName("sha256")]
    public string Sha256 { get; init; } = "";

    /// <summary>Its length in bytes.</summary>
    [JsonPropertyName("size")]
    public long Size { get; init; }

    /// <summary>The device the report or approval concerns.</summary>
    [JsonPropertyName("device")]
    public string? Device { get; init; }

    /// <summary>Report: the run day (yyyy-MM-dd).</summary>
    [JsonPropertyName("day")]
    public string? Day { get; init; }

    /// <summary>Report: compliance status.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Report: number of divergences.</summary>
    [JsonPropertyName("divergences")]
    public int? Divergences { get; init; }

    /// <summary>Approval: its id.</summary>
    [JsonPropertyName("approval_id")]
    public string? ApprovalId { get; init; }

    /// <summary>Approval: its state when archived.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Approval: when it was requested.</summary>
    [JsonPropertyName("requested_at")]
    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>Approval: when it last entered pending before its decision (where decision time starts).</summary>
    [JsonPropertyName("pending_at")]
    public DateTimeOffset? PendingAt { get; init; }

    /// <summary>Approval: when it was decided (left pending).</summary>
    [JsonPropertyName("decided_at")]
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Approval: who decided.</summary>
    [JsonPropertyName("decided_by")]
    public string? DecidedBy { get; init; }

    /// <summary>Approval: the decision (approved, rejected or expired).</summary>
    [JsonPropertyName("decision")]
    public string? Decision { get; init; }
}

/// <summary>Source-generated JSON for the manifest (indented, nulls left out).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ArchiveManifest))]
internal sealed partial class ArchiveJsonContext : JsonSerializerContext;

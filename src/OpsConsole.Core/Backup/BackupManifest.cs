using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Backup;

/// <summary>
/// The table of contents of a backup archive (<c>manifest.json</c>): each entry with its SHA-256, so a
/// restore can refuse a damaged archive before it touches anything.
/// </summary>
public sealed partial record BackupManifest
{
    /// <summary>The only format this version writes and reads.</summary>
    public const string CurrentFormat = "opsconsole-backup@1";

    /// <summary>Name of the manifest inside the archive.</summary>
    public const string EntryName = "manifest.json";

    /// <summary>Name of the audit store copy inside the archive.</summary>
    public const string AuditEntry = "audit/opsconsole-audit.db";

    /// <summary>Prefix of artifact files inside the archive (followed by the root-relative path).</summary>
    public const string ArtifactPrefix = "artifacts/";

    /// <summary>Archive format tag.</summary>
    [JsonPropertyName("format")]
    public string Format { get; init; } = CurrentFormat;

    /// <summary>When the backup was taken (UTC, ISO 8601).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The audit trail as it was copied.</summary>
    [JsonPropertyName("audit")]
    public BackupAuditSummary Audit { get; init; } = new();

    /// <summary>Every file of the archive except the manifest.</summary>
    [JsonPropertyName("entries")]
    public IReadOnlyList<BackupEntry> Entries { get; init; } = [];

    /// <summary>
    /// True for the names a backup may hold: the audit copy, and the engagement answers, validations and
    /// finalized markers of legal device names. Anything else in an archive makes it damaged.
    /// </summary>
    public static bool IsAllowedEntry(string name) =>
        name == AuditEntry || ArtifactEntry().Match(name) is { Success: true } m && DeviceNames.IsValid(m.Groups[1].Value);

    [GeneratedRegex("^artifacts/engagement/([^/]+)/(responses\\.csv|validation\\.json|finalized\\.json)$")]
    private static partial Regex ArtifactEntry();
}

/// <summary>One file in the archive.</summary>
/// <param name="Path">Name inside the archive.</param>
/// <param name="Sha256">SHA-256 of its bytes, lowercase hex.</param>
/// <param name="Bytes">Its length.</param>
public sealed record BackupEntry(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("bytes")] long Bytes);

/// <summary>The audit trail in the archive: how many events, its head, and whether it verified when copied.</summary>
public sealed record BackupAuditSummary
{
    /// <summary>Events in the copy.</summary>
    [JsonPropertyName("events")]
    public long Events { get; init; }

    /// <summary>Id of the last event.</summary>
    [JsonPropertyName("head_id")]
    public long HeadId { get; init; }

    /// <summary>Hash of the last event.</summary>
    [JsonPropertyName("head_hash")]
    public string HeadHash { get; init; } = "";

    /// <summary>True when the whole chain verified when the copy was taken.</summary>
    [JsonPropertyName("chain_intact")]
    public bool ChainIntact { get; init; }
}

/// <summary>Source-generated JSON for the manifest.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(BackupManifest))]
internal sealed partial class BackupJsonContext : JsonSerializerContext;

using OpsConsole.Core.StopConditions;

namespace OpsConsole.Core.Operations;

/// <summary>What to put in an evidence pack: which cycle, as of when, in which language, and the stop conditions of that moment.</summary>
public sealed record EvidencePackRequest
{
    /// <summary>The cycle folder name (<c>operations/&lt;cycle-id&gt;/</c>).</summary>
    public required string CycleId { get; init; }

    /// <summary>
    /// The export time written into the pack and used as every zip entry's timestamp. It is an input, never the
    /// clock, so two builds of unchanged artifacts are byte-identical (see <see cref="EvidencePackAsOf"/>).
    /// </summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>True when <see cref="AsOf"/> was given by the user (<c>--as-of</c>); false when it is the index's newest change.</summary>
    public bool AsOfGiven { get; init; }

    /// <summary>Language of <c>SUMMARY.md</c>: <c>en</c> (default) or <c>pt-BR</c>.</summary>
    public string Culture { get; init; } = EvidencePackText.English;

    /// <summary>The stop conditions at export time; their quarantined paths are withheld from the pack.</summary>
    public required StopEvaluation StopConditions { get; init; }
}

/// <summary>Why a file is or is not in the pack (<see cref="EvidencePackFile.State"/>).</summary>
public static class EvidenceFileStates
{
    /// <summary>Copied byte for byte.</summary>
    public const string Included = "included";

    /// <summary>Copied byte for byte, but the console cannot read it as its kind (the reason says why).</summary>
    public const string IncludedUnreadable = "included-unreadable";

    /// <summary>Quarantined: a secret-looking value was found in it, so it is left out.</summary>
    public const string Withheld = "withheld";

    /// <summary>No file at that path.</summary>
    public const string Missing = "missing";

    /// <summary>The file exists but could not be read (size cap, I/O error).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Not a safe kind, a sensitive name, or a path outside the artifact root.</summary>
    public const string NotAllowed = "not-allowed";

    /// <summary>Every state, in the order the summary lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Included, IncludedUnreadable, Withheld, Missing, Unreadable, NotAllowed];
}

/// <summary>Codes of the reasons a file is not (or not cleanly) in the pack; the summary translates them.</summary>
public static class EvidenceFileReasons
{
    public const string Quarantined = "quarantined";
    public const string NoSuchFile = "no-such-file";
    public const string CannotRead = "cannot-read";
    public const string DoesNotParse = "does-not-parse";
    public const string UnsafeKind = "unsafe-kind";
    public const string SensitiveName = "sensitive-name";
    public const string OutsideRoot = "outside-root";
}

/// <summary>One file the pack was asked to carry: the cycle file, a gate file or a piece of evidence, and what became of it.</summary>
/// <param name="Path">Root-relative path as the cycle or gate names it.</param>
/// <param name="Role"><c>cycle</c>, <c>gate</c> or <c>evidence</c> (the first role wins when a gate cites a gate file).</param>
/// <param name="State">An <see cref="EvidenceFileStates"/> value.</param>
/// <param name="ReasonCode">An <see cref="EvidenceFileReasons"/> code; null when included cleanly.</param>
/// <param name="Detail">English detail of the reason (already redacted), e.g. the store's problem text.</param>
/// <param name="CitedBy">Gate ids whose <c>evidence</c> lists it, in ladder order.</param>
/// <param name="Entry">Name of its zip entry; null when it is not in the pack.</param>
public sealed record EvidencePackFile(string Path, string Role, string State, string? ReasonCode, string? Detail, IReadOnlyList<string> CitedBy, string? Entry);

/// <summary>One entry of the zip as the manifest lists it.</summary>
/// <param name="Name">Entry name inside the zip.</param>
/// <param name="Size">Uncompressed size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the uncompressed bytes.</param>
public sealed record EvidencePackEntry(string Name, long Size, string Sha256);

/// <summary>A built evidence pack: the zip bytes and what went into them.</summary>
/// <param name="CycleId">The cycle.</param>
/// <param name="Bytes">The zip.</param>
/// <param name="Sha256">SHA-256 of the whole zip (recorded in the audit trail, so a pack can be matched to its export).</param>
/// <param name="Ladder">The ladder as evaluated for the pack.</param>
/// <param name="Files">Every file asked for, included or not.</param>
/// <param name="Entries">Every zip entry except <c>manifest.json</c>, in zip order.</param>
public sealed record EvidencePack(string CycleId, byte[] Bytes, string Sha256, LadderEvaluation Ladder,
    IReadOnlyList<EvidencePackFile> Files, IReadOnlyList<EvidencePackEntry> Entries)
{
    /// <summary>The download name: <c>evidence-pack-&lt;cycle&gt;.zip</c>.</summary>
    public string FileName => $"evidence-pack-{CycleId}.zip";

    /// <summary>Files left out because a secret was found in them.</summary>
    public IReadOnlyList<EvidencePackFile> Withheld => [.. Files.Where(f => f.State == EvidenceFileStates.Withheld)];

    /// <summary>The audit detail of the pack: counts and its SHA-256, never file content.</summary>
    public string AuditDetail =>
        $"{Entries.Count + 1} entries, {Withheld.Count} withheld, {NotIncluded.Count - Withheld.Count} missing, unreadable or not allowed, sha256 {Sha256}";

    /// <summary>Files asked for but not in the pack for any reason.</summary>
    public IReadOnlyList<EvidencePackFile> NotIncluded => [.. Files.Where(f => f.Entry is null)];
}

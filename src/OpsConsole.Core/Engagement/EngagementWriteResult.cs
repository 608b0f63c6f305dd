namespace OpsConsole.Core.Engagement;

/// <summary>Why the writer refused to write (the web page turns each into a localized message).</summary>
public enum EngagementRefusal
{
    /// <summary>Nothing was refused.</summary>
    None = 0,

    /// <summary>The device has no engagement package.</summary>
    NoPackage,

    /// <summary>The package exists but cannot be read.</summary>
    PackageUnreadable,

    /// <summary>The answer breaks a rule (unknown item, value not allowed, too long, control characters…).</summary>
    InvalidAnswer,

    /// <summary>The existing responses.csv cannot be read; it is never overwritten.</summary>
    ResponsesUnreadable,

    /// <summary>The package is finalized; answers can no longer change.</summary>
    Finalized,

    /// <summary>Finalize needs a validation report; none exists.</summary>
    ValidationMissing,

    /// <summary>Finalize needs a passed validation; the latest one failed.</summary>
    ValidationFailed,

    /// <summary>Finalize needs a validation newer than the latest answer.</summary>
    ValidationStale,

    /// <summary>Finalize needs every required item answered with a valid value.</summary>
    RequiredUnanswered,
}

/// <summary>The outcome of one write: done, or refused with a reason (nothing written).</summary>
/// <param name="Refusal">Why nothing was written; <see cref="EngagementRefusal.None"/> when written.</param>
/// <param name="Detail">Plain-English detail for the audit log and the page (ids and counts only).</param>
/// <param name="Path">The root-relative path written, when written.</param>
public sealed record EngagementWriteResult(EngagementRefusal Refusal, string? Detail, string? Path)
{
    /// <summary>True when the file was written.</summary>
    public bool Written => Refusal == EngagementRefusal.None;

    /// <summary>A successful write of <paramref name="path"/>.</summary>
    public static EngagementWriteResult Done(string path, string? detail = null) => new(EngagementRefusal.None, detail, path);

    /// <summary>A refusal; nothing was written.</summary>
    public static EngagementWriteResult Refused(EngagementRefusal refusal, string detail) => new(refusal, detail, null);
}

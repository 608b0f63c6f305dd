namespace OpsConsole.Core.Shift;

/// <summary>The sections of the shift digest, in the order the page shows them.</summary>
public enum ShiftSection
{
    StopConditions,
    Compliance,
    Approvals,
    Incidents,
    Batches,
    Gates,
    Engagement,

    /// <summary>Execution logs and final validation reports (issue 20: the real runs have a section of their own).</summary>
    Executions,

    /// <summary>Every other kind of file (plans, cycles, handoff documents, inventory, other).</summary>
    Files,
}

/// <summary>
/// One line of the shift digest: a change journal row. Texts that could come from an artifact (title, actor,
/// problem, keys) are raw here; whoever shows or exports them passes them through SecretRedactor.
/// </summary>
/// <param name="At">When the index pass that saw the change started.</param>
/// <param name="Section">Where the digest lists it.</param>
/// <param name="Change">A <see cref="Index.ChangeKinds"/> value.</param>
/// <param name="Kind">The artifact kind name.</param>
/// <param name="Path">Root-relative path ("" for stop-condition rows).</param>
/// <param name="Key">The artifact's own id.</param>
/// <param name="Device">The device it concerns.</param>
/// <param name="GroupKey">Batch id of a run, cycle id of a gate.</param>
/// <param name="Title">Incident or gate title.</param>
/// <param name="StatusBefore">Status before (null when new); for stop conditions the set (see <see cref="StopConditions.StopConditionJournal"/>).</param>
/// <param name="StatusAfter">Status after (null when removed).</param>
/// <param name="CountBefore">Count facet before.</param>
/// <param name="CountAfter">Count facet after.</param>
/// <param name="Category">Severity or batch mode.</param>
/// <param name="Actor">Who moved it, ran it or answered.</param>
/// <param name="Problem">The unreadable reason after the change.</param>
public sealed record ShiftChange(
    DateTimeOffset At,
    ShiftSection Section,
    string Change,
    string Kind,
    string Path,
    string? Key,
    string? Device,
    string? GroupKey,
    string? Title,
    string? StatusBefore,
    string? StatusAfter,
    int? CountBefore,
    int? CountAfter,
    string? Category,
    string? Actor,
    string? Problem)
{
    /// <summary>A compliance report's fields that diverge now and did not before (redacted when indexed); empty otherwise.</summary>
    public IReadOnlyList<string> NewDivergentFields { get; init; } = [];
}

/// <summary>What changed between <see cref="Since"/> and <see cref="Until"/>, and whether the journal covers it.</summary>
public sealed record ShiftDigest
{
    public required DateTimeOffset Since { get; init; }

    public required DateTimeOffset Until { get; init; }

    /// <summary>When the change journal started (its first baseline); null while the first index build runs.</summary>
    public DateTimeOffset? JournalStart { get; init; }

    /// <summary>True only when the journal started at or before <see cref="Since"/>: otherwise "nothing changed" cannot be said.</summary>
    public bool Covered => JournalStart is { } start && start <= Since;

    /// <summary>The changes, oldest first.</summary>
    public required IReadOnlyList<ShiftChange> Changes { get; init; }

    /// <summary>The changes of one section, oldest first.</summary>
    public IEnumerable<ShiftChange> In(ShiftSection section) => Changes.Where(c => c.Section == section);
}

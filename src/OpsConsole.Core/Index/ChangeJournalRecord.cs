namespace OpsConsole.Core.Index;

/// <summary>
/// One row of the change journal (<c>change_journal</c>): what one index pass saw change in one file, with the
/// status before and after, so "what changed since" is a query, not a rescan. Written by the indexer in the
/// same transaction as the catalogue change. A cache like the rest of the index: deleting the database starts
/// a new journal at the next full pass (its <see cref="ChangeKinds.Baseline"/> row says when).
/// </summary>
public sealed class ChangeJournalRecord
{
    public long Id { get; set; }

    /// <summary>When the pass that saw the change started, UTC ticks.</summary>
    public long AtTicks { get; set; }

    /// <summary>A <see cref="ChangeKinds"/> value.</summary>
    public string Change { get; set; } = "";

    /// <summary>Root-relative path of the file (empty for journal-wide rows).</summary>
    public string Path { get; set; } = "";

    /// <summary><see cref="Artifacts.ArtifactKind"/> name, or <see cref="ChangeKinds.StopConditionsKind"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The artifact's own id (see <see cref="ArtifactRecord.Key"/>).</summary>
    public string? Key { get; set; }

    public string? Device { get; set; }

    /// <summary>Batch id of a batch run, cycle id of a gate (see <see cref="ArtifactRecord.GroupKey"/>).</summary>
    public string? GroupKey { get; set; }

    /// <summary>The artifact's title after the change (incident, gate); shown only through SecretRedactor.</summary>
    public string? Title { get; set; }

    /// <summary>Domain status before ("unreadable" when the file could not be read); null when there was none.</summary>
    public string? StatusBefore { get; set; }

    /// <summary>Domain status after ("unreadable" when the file could not be read); null when removed.</summary>
    public string? StatusAfter { get; set; }

    /// <summary>Count facet before (divergences, answers saved, results).</summary>
    public int? CountBefore { get; set; }

    /// <summary>Count facet after.</summary>
    public int? CountAfter { get; set; }

    /// <summary>Second facet after the change: severity, batch mode.</summary>
    public string? Category { get; set; }

    /// <summary>Who made the change: the actor of an approval's last history entry, a batch run's operator, the last responder.</summary>
    public string? Actor { get; set; }

    /// <summary>The "unreadable: reason" text after the change; null when readable.</summary>
    public string? Problem { get; set; }

    /// <summary>
    /// A compliance report's fields that diverge now and did not in the report before (<see cref="DivergentFields"/>
    /// form); null for other kinds or when no field is new.
    /// </summary>
    public string? NewDivergentFields { get; set; }
}

/// <summary>The values of <see cref="ChangeJournalRecord.Change"/>.</summary>
public static class ChangeKinds
{
    /// <summary>A file that was not catalogued before.</summary>
    public const string Added = "added";

    /// <summary>A catalogued file whose status or facets changed.</summary>
    public const string Changed = "changed";

    /// <summary>A catalogued file that is gone.</summary>
    public const string Removed = "removed";

    /// <summary>
    /// The first full pass of this journal: files seen then are its starting point, not changes. The journal
    /// covers only what happened after the earliest baseline row.
    /// </summary>
    public const string Baseline = "baseline";

    /// <summary>The set of triggered (or unknown) stop conditions changed; before and after hold the sets.</summary>
    public const string StopConditions = "stop-conditions";

    /// <summary>The <see cref="ChangeJournalRecord.Kind"/> of a stop-condition row.</summary>
    public const string StopConditionsKind = "StopConditions";
}

namespace OpsConsole.Core.Index;

/// <summary>
/// One file of the artifact root as catalogued by the index. Besides file facts it holds the few
/// facets list pages filter and sort on, so lists never re-read files per request.
/// </summary>
public sealed class ArtifactRecord
{
    public int Id { get; set; }

    /// <summary>Root-relative path (forward slashes); unique.</summary>
    public string Path { get; set; } = "";

    /// <summary><see cref="Artifacts.ArtifactKind"/> name.</summary>
    public string Kind { get; set; } = "";

    public string? Schema { get; set; }
    public long Size { get; set; }

    /// <summary>Last write time, UTC ticks (integer so SQLite sorts it).</summary>
    public long MtimeTicks { get; set; }

    public string Sha256 { get; set; } = "";

    /// <summary>True when the file parsed and validated.</summary>
    public bool Readable { get; set; }

    /// <summary>The "unreadable: reason" text; null when readable.</summary>
    public string? Problem { get; set; }

    /// <summary>
    /// True when the console refused to open the entry at all (a link leaving the root, a folder it cannot
    /// list, a name the safe-path rules reject): nothing in it was read or scanned for secrets.
    /// </summary>
    public bool Refused { get; set; }

    /// <summary>The artifact's own id: report_id, approval_id, batch_id, run id, incident_id, cycle or gate id.</summary>
    public string? Key { get; set; }

    public string? Device { get; set; }
    public long? DeviceId { get; set; }

    /// <summary>The artifact's main time (generated/requested/opened/started), UTC ticks.</summary>
    public long? AtTicks { get; set; }

    /// <summary>Day folder of a compliance report (yyyy-MM-dd).</summary>
    public string? Day { get; set; }

    /// <summary>Domain status: compliance status, approval state, outcome, incident status, gate status.</summary>
    public string? Status { get; set; }

    /// <summary>Second facet: severity, risk level, batch mode, team, gate stage.</summary>
    public string? Category { get; set; }

    /// <summary>Grouping facet: batch id (results, plans, approvals), cycle id (gates), requester.</summary>
    public string? GroupKey { get; set; }

    public string? Title { get; set; }

    /// <summary>A count shown in lists: divergences, items, objects.</summary>
    public int? Count { get; set; }

    /// <summary>A compliance report's divergence field names (<see cref="Index.DivergentFields"/>); null for other kinds or none.</summary>
    public string? DivergentFields { get; set; }

    /// <summary>A second actor-like facet: approval requester, batch operator.</summary>
    public string? Actor { get; set; }
}

/// <summary>
/// The one row of <c>index_version</c>. Every write of the indexer bumps <see cref="Version"/> in the same
/// transaction, so any process sharing the database (the web console, the CLI) sees a change another made.
/// </summary>
public sealed class IndexVersionRecord
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; }

    /// <summary>Bumped by every committed change of the catalogue.</summary>
    public long Version { get; set; }

    /// <summary>When the last full pass over the whole root completed, UTC ticks; null before the first.</summary>
    public long? CompletedPassTicks { get; set; }
}

/// <summary>A device of the inventory (<c>devices.json</c>).</summary>
public sealed class DeviceRecord
{
    public int Id { get; set; }
    public long NetboxId { get; set; }
    public string Name { get; set; } = "";
    public string Site { get; set; } = "";
    public string Role { get; set; } = "";
    public string Platform { get; set; } = "";
    public string? Tenant { get; set; }
}

/// <summary>A per-artifact stop-condition finding, computed when the file is indexed.</summary>
public sealed class FindingRecord
{
    public int Id { get; set; }
    public string Path { get; set; } = "";

    /// <summary>Stop condition number (1–7, ARTIFACTS.md).</summary>
    public int Condition { get; set; }

    /// <summary>Exact reason; never contains a secret (tokens are masked).</summary>
    public string Detail { get; set; } = "";

    public string? Device { get; set; }
    public string? GroupKey { get; set; }
}

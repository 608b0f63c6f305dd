namespace OpsConsole.Core.Audit;

/// <summary>
/// Where the audit trail lives: append-only (no update or delete), hash-chained, and separate from
/// the index so a rebuild never touches it. Today SQLite (<see cref="SqliteAuditStore"/>); a shared
/// database for several instances implements the same contract.
/// </summary>
public interface IAuditStore
{
    /// <summary>Creates or migrates the store.</summary>
    void EnsureCreated();

    /// <summary>
    /// Appends <paramref name="drafts"/> in order, in one transaction that reads the chain head and
    /// inserts, so two writers (threads or processes) can never chain from the same predecessor.
    /// Sets each draft's id, previous hash and hash.
    /// </summary>
    void Append(IReadOnlyList<AuditEvent> drafts);

    /// <summary>One page of events matching <paramref name="query"/>, newest first, with the total.</summary>
    AuditPage Find(AuditQuery query);

    /// <summary>The event types present, for filters.</summary>
    IReadOnlyList<string> Types();

    /// <summary>Every event in id order, read lazily inside one read transaction (a consistent snapshot).</summary>
    IEnumerable<AuditEvent> ReadChain();

    /// <summary>Checks the whole chain.</summary>
    AuditVerification Verify();

    /// <summary>Writes a consistent copy of the whole store to a new SQLite file (for backups), while others keep writing.</summary>
    void ExportTo(string sqliteFile);

    /// <summary>Replaces the whole store with the copy in <paramref name="sqliteFile"/> (restore only; the caller checks first).</summary>
    void ReplaceWith(string sqliteFile);
}

/// <summary>Filter and page of the audit trail.</summary>
/// <param name="Type">Exact event type, or null.</param>
/// <param name="Actor">Substring of the actor, or null.</param>
/// <param name="FromTicks">Earliest time (UTC ticks, inclusive), or null.</param>
/// <param name="ToTicks">Latest time (UTC ticks, exclusive), or null.</param>
/// <param name="Skip">Rows to skip.</param>
/// <param name="Take">Rows to return.</param>
public sealed record AuditQuery(string? Type, string? Actor, long? FromTicks, long? ToTicks, int Skip, int Take);

/// <summary>One page of events and how many matched in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Items, int Total);

namespace OpsConsole.Core.Audit;

/// <summary>What is wrong at the first event where the audit chain breaks.</summary>
public enum AuditChainProblem
{
    /// <summary>The chain is intact.</summary>
    None,

    /// <summary>The event's fields no longer produce its stored hash: a field was changed.</summary>
    ContentChanged,

    /// <summary>Ids are not consecutive: one or more events before this one were removed.</summary>
    EventsMissing,

    /// <summary>The event does not chain from the event before it: an event was removed, inserted or moved.</summary>
    LinkBroken,
}

/// <summary>The result of checking the whole audit chain.</summary>
/// <param name="Events">Events read (up to and including the first break).</param>
/// <param name="HeadId">Id of the last event read (0 when the trail is empty).</param>
/// <param name="HeadHash">Hash of the last event read (<see cref="AuditChain.Genesis"/> when empty).</param>
/// <param name="BrokenAt">Id of the first event where the chain breaks, when it does.</param>
/// <param name="Problem">What is wrong at <paramref name="BrokenAt"/>.</param>
/// <param name="ExpectedId">For <see cref="AuditChainProblem.EventsMissing"/>: the id that should have come next.</param>
public sealed record AuditVerification(long Events, long HeadId, string HeadHash, long? BrokenAt, AuditChainProblem Problem, long? ExpectedId = null)
{
    /// <summary>True when every event verifies and chains from the one before.</summary>
    public bool Intact => Problem == AuditChainProblem.None;

    /// <summary>One English sentence for the CLI and logs (the web localizes from <see cref="Problem"/>).</summary>
    public string Describe() => Problem switch
    {
        AuditChainProblem.None => $"audit chain intact: {Events} events, head {HeadId} {HeadHash}",
        AuditChainProblem.ContentChanged => $"audit chain broken at event {BrokenAt}: its content does not match its hash (a field was changed)",
        AuditChainProblem.EventsMissing => $"audit chain broken at event {BrokenAt}: events {ExpectedId}..{BrokenAt - 1} are missing (removed)",
        _ => $"audit chain broken at event {BrokenAt}: it does not chain from the event before it (an event was removed, inserted or moved)",
    };

    /// <summary>Checks <paramref name="events"/> (in id order) from the genesis value; stops at the first break.</summary>
    public static AuditVerification Of(IEnumerable<AuditEvent> events)
    {
        long count = 0, previousId = 0;
        var previousHash = AuditChain.Genesis;
        foreach (var e in events)
        {
            count++;
            if (AuditChain.ComputeHash(e) != e.Hash)
            {
                return new(count, previousId, previousHash, e.Id, AuditChainProblem.ContentChanged);
            }

            if (e.Id != previousId + 1)
            {
                return new(count, previousId, previousHash, e.Id, AuditChainProblem.EventsMissing, previousId + 1);
            }

            if (e.PreviousHash != previousHash)
            {
                return new(count, previousId, previousHash, e.Id, AuditChainProblem.LinkBroken);
            }

            previousId = e.Id;
            previousHash = e.Hash;
        }

        return new(count, previousId, previousHash, null, AuditChainProblem.None);
    }
}

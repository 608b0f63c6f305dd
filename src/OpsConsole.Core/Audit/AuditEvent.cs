namespace OpsConsole.Core.Audit;

/// <summary>
/// An operation the console or CLI performed (who/what/when/where/outcome), as stored in the audit
/// trail. Never holds secrets. <see cref="PreviousHash"/> and <see cref="Hash"/> chain every event to
/// the one before it, so a changed, removed or reordered event is detected (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Position in the chain: 1 for the first event, then consecutive.</summary>
    public long Id { get; set; }

    /// <summary>When it happened, UTC ticks.</summary>
    public long AtTicks { get; set; }

    /// <summary>Event type, e.g. <c>startup</c>, <c>index.rebuild</c>, <c>download</c>, <c>engagement.save</c>, <c>approval.approve</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Who acted (the signed-in user, the OS user of the CLI, or <c>opsconsole</c> itself).</summary>
    public string Actor { get; set; } = "";

    /// <summary>What was acted on (relative path, approval id, device).</summary>
    public string? Target { get; set; }

    /// <summary>Where it came from: <c>web</c> with the remote address, or <c>cli</c> with the host.</summary>
    public string Source { get; set; } = "";

    /// <summary><c>ok</c>, <c>refused</c> or <c>failed</c>.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>Free text about the outcome (counts, reasons); redacted like every other field.</summary>
    public string? Detail { get; set; }

    /// <summary>The <see cref="Hash"/> of the event before this one (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 (lowercase hex) of this event's canonical form, which includes <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = "";
}

using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Audit;

/// <summary>
/// Writes audit events: the one entry point for every caller (web and CLI), so redaction and chaining
/// happen in one place. Callers pass ids and names; every text field is redacted anyway.
/// </summary>
public sealed class AuditLog(IAuditStore store, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Records one event; returns it as stored (with its chain id and hash).</summary>
    public AuditEvent Record(string type, string actor, string? target, string source, string outcome, string? detail = null)
    {
        var e = new AuditEvent
        {
            AtTicks = _clock.GetUtcNow().UtcTicks,
            Type = type,
            // Redacted here, for every caller: a refused /download?path= may carry a token in its path.
            Actor = SecretRedactor.Redact(actor),
            Target = SecretRedactor.Redact(target),
            Source = source,
            Outcome = outcome,
            Detail = SecretRedactor.Redact(detail),
        };
        store.Append([e]);
        return e;
    }
}

using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Audit;

/// <summary>Writes audit events. Callers pass ids and names only; actor, target and detail are redacted all the same.</summary>
public sealed class AuditLog(Func<IndexDbContext> createDb, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Records one event; returns it as stored.</summary>
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
        using var db = createDb();
        db.AuditEvents.Add(e);
        db.SaveChanges();
        return e;
    }
}

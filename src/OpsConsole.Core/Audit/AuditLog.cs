using OpsConsole.Core.Index;

namespace OpsConsole.Core.Audit;

/// <summary>Writes audit events. Callers pass ids and names only, never values that could hold secrets.</summary>
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
            Actor = actor,
            Target = target,
            Source = source,
            Outcome = outcome,
            Detail = detail,
        };
        using var db = createDb();
        db.AuditEvents.Add(e);
        db.SaveChanges();
        return e;
    }
}

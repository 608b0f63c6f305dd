using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Audit;

/// <summary>The read side every audit store shares (the same EF model on SQLite and PostgreSQL).</summary>
internal static class AuditStoreQueries
{
    /// <summary>One page of events matching <paramref name="query"/>, newest first, with the total.</summary>
    public static AuditPage Find(AuditDbContext db, AuditQuery query)
    {
        var events = db.Events.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            events = events.Where(e => e.Type == query.Type);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            events = events.Where(e => e.Actor.Contains(query.Actor));
        }

        if (query.FromTicks is { } from)
        {
            events = events.Where(e => e.AtTicks >= from);
        }

        if (query.ToTicks is { } to)
        {
            events = events.Where(e => e.AtTicks < to);
        }

        var total = events.Count();
        var items = events.OrderByDescending(e => e.AtTicks).ThenByDescending(e => e.Id).Skip(query.Skip).Take(query.Take).ToList();
        return new AuditPage(items, total);
    }

    /// <summary>The event types present, for filters.</summary>
    public static IReadOnlyList<string> Types(AuditDbContext db) => db.Events.Select(e => e.Type).Distinct().OrderBy(t => t).ToList();

    /// <summary>Chains <paramref name="drafts"/> from the current head; call with the store's append lock held.</summary>
    public static void LinkAndAdd(AuditDbContext db, IReadOnlyList<AuditEvent> drafts)
    {
        var head = db.Events.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefault();
        var (id, hash) = head is null ? (0L, AuditChain.Genesis) : (head.Id, head.Hash);
        foreach (var draft in drafts)
        {
            AuditChain.Link(draft, id, hash);
            (id, hash) = (draft.Id, draft.Hash);
        }

        db.Events.AddRange(drafts);
        db.SaveChanges();
    }
}

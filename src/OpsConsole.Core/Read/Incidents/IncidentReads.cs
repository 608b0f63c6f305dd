using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Incidents;

/// <summary>Incidents from the index, most severe first.</summary>
public sealed class IncidentReads(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store)
{
    /// <summary>One page of incidents matching <paramref name="filter"/>, most severe first, then newest.</summary>
    public async Task<PagedList<IncidentRow>> ListAsync(IncidentFilter filter, PageRequest page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await Filter(db, filter).BySeverity().Select(ArtifactProjections.Incident).ToPageAsync(page);
    }

    /// <summary>The first <paramref name="count"/> open incidents (of <paramref name="device"/> when given), most severe first.</summary>
    public async Task<IReadOnlyList<IncidentRow>> OpenAsync(string? device, int count)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await OpenAsync(db, device, count);
    }

    /// <summary>The same, on a context the caller already holds (a page that reads several kinds in one go).</summary>
    public static async Task<IReadOnlyList<IncidentRow>> OpenAsync(IndexDbContext db, string? device, int count) =>
        await Filter(db, new IncidentFilter(null, IncidentStatus.Open, device)).BySeverity().Take(count)
            .Select(ArtifactProjections.Incident).ToListAsync();

    /// <summary>Open incidents counted per severity.</summary>
    public async Task<Dictionary<string, int>> OpenBySeverityAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await Filter(db, new IncidentFilter(null, IncidentStatus.Open, null))
            .GroupBy(a => a.Category)
            .Select(g => new { Severity = g.Key ?? ReadStatus.Unknown, Count = g.Count() })
            .ToDictionaryAsync(x => x.Severity, x => x.Count);
    }

    /// <summary>The incident with <paramref name="id"/>, or null when the id is malformed or unknown.</summary>
    public async Task<ArtifactDetail<IncidentRow, Incident>?> ByIdAsync(string? id)
    {
        if (!ArtifactIds.IsValid(id))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.OfKind(ArtifactKind.Incident).Where(a => a.Key == id).OrderBy(a => a.Path)
            .Select(ArtifactProjections.Incident).FirstOrDefaultAsync();
        return row is null ? null : store.LoadDetail<IncidentRow, Incident>(row);
    }

    private static IQueryable<ArtifactRecord> Filter(IndexDbContext db, IncidentFilter filter)
    {
        var query = db.OfKind(ArtifactKind.Incident);
        if (!string.IsNullOrWhiteSpace(filter.Severity))
        {
            query = query.Where(a => a.Category == filter.Severity);
        }

        query = query.WithStatus(string.IsNullOrWhiteSpace(filter.Status) ? null : filter.Status);
        if (!string.IsNullOrWhiteSpace(filter.Device))
        {
            query = query.Where(a => a.Device == filter.Device);
        }

        return query;
    }
}

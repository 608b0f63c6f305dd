using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Read.Catalogue;

/// <summary>
/// The catalogue (<c>/artifacts</c>): every indexed file with kind, size, time, hash and parse status. Totals and
/// filter menus are remembered per index version (<see cref="IndexVersionMemo"/>): each was a walk over the
/// 300,000-row catalogue on every request, and they only change when the index does.
/// </summary>
public sealed class CatalogueReads(IDbContextFactory<IndexDbContext> dbFactory, IndexVersionMemo memo)
{
    private static readonly Expression<Func<ArtifactRecord, CatalogueRow>> Projection = a => new CatalogueRow
    {
        Id = a.Id,
        Path = a.Path,
        Size = a.Size,
        Readable = a.Readable,
        Problem = a.Problem,
        Kind = a.Kind,
        Modified = new DateTimeOffset(a.MtimeTicks, TimeSpan.Zero),
        Sha256 = a.Sha256,
    };

    /// <summary>One page of the files matching <paramref name="filter"/>, in path order.</summary>
    public async Task<PagedList<CatalogueRow>> ListAsync(CatalogueFilter filter, PageRequest request)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = Filter(db, filter);
        var items = await query.OrderBy(a => a.Path).Skip(request.Skip).Take(request.Size).Select(Projection).ToListAsync();
        var total = await memo.GetOrAddAsync(string.Join('\u001f', "artifacts-count", filter.Kind, filter.UnreadableOnly, filter.Search),
            () => query.CountAsync());
        return new PagedList<CatalogueRow>(items, total, request);
    }

    /// <summary>The kinds present in the index, in ordinal order (the kind filter's menu).</summary>
    public async Task<IReadOnlyList<string>> KindsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await memo.GetOrAddAsync("artifacts-kinds",
            async () => (IReadOnlyList<string>)await db.Artifacts.Select(a => a.Kind).Distinct().OrderBy(k => k).ToListAsync());
    }

    /// <summary>How many indexed files could not be read.</summary>
    public async Task<int> UnreadableTotalAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await memo.GetOrAddAsync("artifacts-unreadable", () => db.Artifacts.CountAsync(a => !a.Readable));
    }

    private static IQueryable<ArtifactRecord> Filter(IndexDbContext db, CatalogueFilter filter)
    {
        var query = db.Artifacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(a => a.Kind == filter.Kind);
        }

        if (filter.UnreadableOnly)
        {
            // Compared with a parameter, not as "NOT Readable": SQLite can then seek the Readable index and sort
            // the few unreadable rows, instead of walking the whole path index to find 20 of them.
            var readable = false;
            query = query.Where(a => a.Readable == readable);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            query = query.Where(a => a.Path.Contains(filter.Search));
        }

        return query;
    }
}

using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Read;

/// <summary>Paging over EF queries (server-side: only one page of rows is materialised).</summary>
public static class PagingExtensions
{
    public static PagedList<T> ToPage<T>(this IQueryable<T> query, PageRequest request) =>
        new(query.Skip(request.Skip).Take(request.Size).ToList(), query.Count(), request);

    /// <summary>One page of <paramref name="query"/> and the total, both in SQL.</summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request) =>
        new(await query.Skip(request.Skip).Take(request.Size).ToListAsync(), await query.CountAsync(), request);

    public static PagedList<T> ToPage<T>(this IEnumerable<T> rows, PageRequest request)
    {
        var list = rows as IReadOnlyList<T> ?? rows.ToList();
        return new(list.Skip(request.Skip).Take(request.Size).ToList(), list.Count, request);
    }
}

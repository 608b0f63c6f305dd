namespace OpsConsole.Web.Ui;

/// <summary>Page request from <c>?page=&amp;size=</c>, clamped: page ≥ 1, 1 ≤ size ≤ 200 (default 20).</summary>
public readonly record struct PageRequest(int Page, int Size)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    /// <summary>Largest page an export (<c>?format=csv|json</c>) may ask for: a bounded file, never an HTML page.</summary>
    public const int MaxExportSize = 10_000;

    public static PageRequest From(int? page, int? size) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(size is null or < 1 ? DefaultSize : size.Value, 1, MaxSize));

    /// <summary>Like <see cref="From"/> but an export may ask for up to <see cref="MaxExportSize"/> rows.</summary>
    public static PageRequest ForExport(int? page, int? size) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(size is null or < 1 ? DefaultSize : size.Value, 1, MaxExportSize));

    /// <summary>Rows to skip; clamped so a huge page number cannot overflow.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (long)(Page - 1) * Size);
}

/// <summary>One page of rows plus the total, for the pager.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, PageRequest Request)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)Request.Size));
    public bool HasPrevious => Request.Page > 1;
    public bool HasNext => Request.Page < PageCount;
}

/// <summary>Paging over EF queries (server-side: only one page of rows is materialised).</summary>
public static class PagingExtensions
{
    public static PagedList<T> ToPage<T>(this IQueryable<T> query, PageRequest request) =>
        new(query.Skip(request.Skip).Take(request.Size).ToList(), query.Count(), request);

    public static PagedList<T> ToPage<T>(this IEnumerable<T> rows, PageRequest request)
    {
        var list = rows as IReadOnlyList<T> ?? rows.ToList();
        return new(list.Skip(request.Skip).Take(request.Size).ToList(), list.Count, request);
    }
}

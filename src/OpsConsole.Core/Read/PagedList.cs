namespace OpsConsole.Core.Read;

/// <summary>One page of rows plus the total, for the pager.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, PageRequest Request)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)Request.Size));
    public bool HasPrevious => Request.Page > 1;
    public bool HasNext => Request.Page < PageCount;

    /// <summary>The same page with each row turned into <typeparamref name="TOut"/>.</summary>
    public PagedList<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, Request);
}

namespace OpsConsole.Core.Read;

/// <summary>Page request from <c>?page=&amp;size=</c>, clamped: page ≥ 1, 1 ≤ size ≤ 200 (default 20).</summary>
public readonly record struct PageRequest(int Page, int Size)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    /// <summary>
    /// Largest page an export (<c>?format=csv|json</c>) of any list may ask for: a bounded file, never an HTML
    /// page. The one export cap: every list's export pages with <see cref="For"/>.
    /// </summary>
    public const int MaxExportSize = 10_000;

    public static PageRequest From(int? page, int? size) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(size is null or < 1 ? DefaultSize : size.Value, 1, MaxSize));

    /// <summary>Like <see cref="From"/> but an export may ask for up to <see cref="MaxExportSize"/> rows.</summary>
    public static PageRequest ForExport(int? page, int? size) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(size is null or < 1 ? DefaultSize : size.Value, 1, MaxExportSize));

    /// <summary>The page of a list request: export-sized when <paramref name="export"/>, screen-sized otherwise.</summary>
    public static PageRequest For(int? page, int? size, bool export) => export ? ForExport(page, size) : From(page, size);

    /// <summary>Rows to skip; clamped so a huge page number cannot overflow.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (long)(Page - 1) * Size);
}

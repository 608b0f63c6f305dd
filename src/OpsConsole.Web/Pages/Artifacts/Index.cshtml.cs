using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Artifacts;

/// <summary>The catalogue from the index: every file with kind, size, time, hash and parse status.</summary>
public sealed class IndexModel(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, IndexVersionMemo memo) : PageModel
{
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "unreadable")] public bool UnreadableOnly { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size")] public int? PageSize { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public PagedList<ArtifactRecord> Rows { get; private set; } = new([], 0, PageRequest.From(1, null));
    public IReadOnlyList<string> Kinds { get; private set; } = [];
    public int UnreadableTotal { get; private set; }
    public string Root => store.Root;

    public async Task<IActionResult> OnGetAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.Artifacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            query = query.Where(a => a.Kind == Kind);
        }

        if (UnreadableOnly)
        {
            // Compared with a parameter, not as "NOT Readable": SQLite can then seek the Readable index and sort
            // the few unreadable rows, instead of walking the whole path index to find 20 of them.
            var readable = false;
            query = query.Where(a => a.Readable == readable);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            query = query.Where(a => a.Path.Contains(Search));
        }

        // Totals and filter menus are remembered per index version (IndexVersionMemo): each was a walk over
        // the 300,000-row catalogue on every request, and they only change when the index does.
        var request = PageRequest.From(PageNumber, PageSize);
        var items = await query.OrderBy(a => a.Path).Skip(request.Skip).Take(request.Size).ToListAsync();
        var total = await memo.GetOrAddAsync(string.Join('\u001f', "artifacts-count", Kind, UnreadableOnly, Search), () => query.CountAsync());
        Rows = new PagedList<ArtifactRecord>(items, total, request);
        if (TableExport.IsExport(Format))
        {
            return TableExport.Create(Format!, "artifacts", ["path", "kind", "size", "modified_utc", "sha256", "readable", "problem"],
                Rows.Items.Select(a => (IReadOnlyList<string?>)[a.Path, a.Kind, a.Size.ToString(CultureInfo.InvariantCulture),
                    new DateTimeOffset(a.MtimeTicks, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture), a.Sha256,
                    a.Readable ? "true" : "false", a.Problem]));
        }

        Kinds = await memo.GetOrAddAsync("artifacts-kinds", async () => (IReadOnlyList<string>)await db.Artifacts.Select(a => a.Kind).Distinct().OrderBy(k => k).ToListAsync());
        UnreadableTotal = await memo.GetOrAddAsync("artifacts-unreadable", () => db.Artifacts.CountAsync(a => !a.Readable));
        return Page();
    }
}

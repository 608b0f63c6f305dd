using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;

namespace OpsConsole.Web.Pages.Dashboard;

public sealed class IndexModel(IDbContextFactory<IndexDbContext> dbFactory) : PageModel
{
    public int Files { get; private set; }
    public int Unreadable { get; private set; }

    public async Task OnGetAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        Files = await db.Artifacts.CountAsync();
        Unreadable = await db.Artifacts.CountAsync(a => !a.Readable);
    }
}

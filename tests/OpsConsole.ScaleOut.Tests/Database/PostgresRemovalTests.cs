using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Database;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.ScaleOut.Tests.Support;

namespace OpsConsole.ScaleOut.Tests.Database;

/// <summary>
/// Files removed from the root (as an archive run removes a day of reports) leave the catalogue and are journalled as
/// "removed" with the status they had, on PostgreSQL as on SQLite: the removal statements pass the paths as one array.
/// </summary>
public sealed class PostgresRemovalTests : DatabaseAndWorkFolder
{
    public PostgresRemovalTests()
        : base("removal")
    {
    }

    [Fact]
    public Task A_removed_day_of_reports_leaves_the_catalogue_and_is_journalled_file_by_file_on_PostgreSQL() =>
        RemoveADayAsync(IndexDatabase.Postgres(Database.ConnectionString), Path.Combine(Work, "postgres"));

    [Fact]
    public Task A_removed_day_of_reports_leaves_the_catalogue_and_is_journalled_file_by_file_on_SQLite() =>
        RemoveADayAsync(IndexDatabase.Sqlite(Path.Combine(Work, "index.db")), Path.Combine(Work, "sqlite"));

    private static async Task RemoveADayAsync(IndexDatabase database, string work)
    {
        var root = SafePath.Canonicalize(Paths.CopyDemoTree(work));
        var day = Directory.GetDirectories(Path.Join(root, "compliance")).Order(StringComparer.Ordinal).First();
        var removed = Directory.GetFiles(day).Select(f => SafePath.ToRelative(root, f)).Order(StringComparer.Ordinal).ToList();
        using var store = new ArtifactStore(root, 5 * 1024 * 1024);
        var indexer = new ArtifactIndexer(store, database.CreateDbContext, new IndexState());
        indexer.EnsureDatabase();
        await indexer.FullPassAsync(); // writes the journal's baseline: from here on removals are recorded
        Directory.Delete(day, recursive: true);

        await indexer.RefreshAsync(removed);

        using var db = database.CreateDbContext();
        Assert.True(removed.Count > 1, "the demo's first day holds reports");
        Assert.Empty(await db.Artifacts.Where(a => removed.Contains(a.Path)).Select(a => a.Path).ToListAsync());
        var journalled = await db.ChangeJournal.Where(j => j.Change == ChangeKinds.Removed).ToListAsync();
        Assert.Equal(removed, journalled.Select(j => j.Path).Order(StringComparer.Ordinal));
        Assert.All(journalled, j => Assert.False(string.IsNullOrEmpty(j.StatusBefore)));
    }
}

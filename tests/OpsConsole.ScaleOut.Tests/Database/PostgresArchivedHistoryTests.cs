using OpsConsole.Core.Archive;
using OpsConsole.Core.Database;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.ArchivedHistory;
using OpsConsole.Core.Storage;
using OpsConsole.ScaleOut.Tests.Support;

namespace OpsConsole.ScaleOut.Tests.Database;

/// <summary>
/// The archived history (the bundles' manifest facts the index stores, and the in-place correction, a join on the
/// catalogue's paths) answers the same on PostgreSQL as on SQLite.
/// </summary>
public sealed class PostgresArchivedHistoryTests : DatabaseAndWorkFolder
{
    public PostgresArchivedHistoryTests()
        : base("archived")
    {
    }

    [Fact]
    public async Task Archived_days_and_a_report_left_in_place_count_the_same_on_PostgreSQL_as_on_SQLite()
    {
        var root = SafePath.Canonicalize(Paths.CopyDemoTree(Work));
        var days = Directory.GetDirectories(Path.Join(root, "compliance")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var mover = new ArchiveMover(root);
        mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(root, DateOnly.Parse(days[3]!, System.Globalization.CultureInfo.InvariantCulture))));
        // One original put back beside its bundle, as a run stopped before its removals leaves it: counted as live.
        var bundle = new ArchivedRecords(root).Find($"compliance-{days[0]}")!;
        var putBack = bundle.Manifest!.Entries.First(e => e.Device is not null);
        File.WriteAllBytes(Path.Join(root, putBack.Path), new ArchivedRecords(root).ReadEntry(bundle, putBack.Path).Bytes!);

        var onSqlite = await HistoryAsync(root, IndexDatabase.Sqlite(Path.Combine(Work, "index.db")), putBack.Device!);
        var onPostgres = await HistoryAsync(root, IndexDatabase.Postgres(Database.ConnectionString), putBack.Device!);
        var fromFiles = new ArchivedRecords(root).Current();

        Assert.True(fromFiles.ReportCount > 3, $"only {fromFiles.ReportCount} reports archived");
        Assert.Equal(fromFiles.ReportCount, onPostgres.Snapshot.ReportCount);
        Assert.Equal(onSqlite.Snapshot.ReportCount, onPostgres.Snapshot.ReportCount);
        Assert.Equal(Flatten(onSqlite.Snapshot), Flatten(onPostgres.Snapshot));
        Assert.Equal(1, onPostgres.Snapshot.Bundles.Single(b => b.Name.Period == days[0]).InPlaceCount);
        Assert.Equal(onSqlite.Device.Count, onPostgres.Device.Count);
        Assert.Equal(onSqlite.Device.Newest, onPostgres.Device.Newest);
        Assert.DoesNotContain(onPostgres.Device.Newest, r => r.Path == putBack.Path);
    }

    private static async Task<(ArchiveSnapshot Snapshot, ArchivedDeviceHistory Device)> HistoryAsync(string root, IndexDatabase database, string device)
    {
        using var store = new ArtifactStore(root, 5 * 1024 * 1024);
        var indexer = new ArtifactIndexer(store, database.CreateDbContext, new IndexState());
        indexer.EnsureDatabase();
        await indexer.FullPassAsync();
        var archive = new IndexedArchive(database, new ArchivedRecords(root));
        return (archive.Current(), archive.DeviceHistory(device, 100));
    }

    private static List<string> Flatten(ArchiveSnapshot s) =>
        [.. s.ReportsPerDay.SelectMany(d => d.Value.Select(v => $"{d.Key}|{v.Key}|{v.Value}")).Order(StringComparer.Ordinal),
            .. s.Bundles.Select(b => $"{b.Name.Path}|{b.EntryCount}|{b.InPlaceCount}|{b.IsReadable}|{b.CreatedAt:O}")];
}

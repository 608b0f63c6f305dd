using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Bench;

/// <summary>
/// <c>LoadDriver index --root DIR --work DIR</c>: the indexer's full pass in this process, without the
/// web host, on an empty database and then again on the built one (isolates the pass from start-up).
/// </summary>
internal static class IndexPass
{
    public static async Task RunAsync(string root, string work)
    {
        Directory.CreateDirectory(work);
        var db = Path.Combine(work, "pass.db");
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(f);
        }

        var options = IndexDbContext.OptionsFor(db);
        using var store = new ArtifactStore(root);
        var indexer = new ArtifactIndexer(store, () => new IndexDbContext(options), new IndexState());
        var watch = Stopwatch.StartNew();
        indexer.EnsureDatabase();
        Console.WriteLine($"migrate: {watch.Elapsed.TotalSeconds:0.00} s");
        watch.Restart();
        var count = indexer.EnumerateFiles().Count();
        Console.WriteLine($"enumerate: {count} files in {watch.Elapsed.TotalSeconds:0.00} s");
        watch.Restart();
        var cold = await indexer.FullPassAsync();
        Console.WriteLine($"cold pass: {cold.Seen} seen, {cold.Added} added in {watch.Elapsed.TotalSeconds:0.00} s = {cold.Seen / watch.Elapsed.TotalSeconds:0} files/s");
        watch.Restart();
        var warm = await indexer.FullPassAsync();
        Console.WriteLine($"warm pass: {warm.Seen} seen, {warm.Updated} updated in {watch.Elapsed.TotalSeconds:0.00} s");
    }
}

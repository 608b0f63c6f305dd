using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Executions;

/// <summary>
/// The line indexes of execution logs, kept in the index database (<c>log_line_indexes</c>). The indexer
/// builds one whenever it sees a new or changed <c>executions/*.log</c>, so the first view of a 50 MB log is
/// a seek instead of a pass over the whole file. A stored index is used only while the file still has the
/// length and last write time it was built from; like the rest of the database it is a cache of the files.
/// It holds line offsets and counts, and secret-looking tokens only masked, never a line of the log.
/// </summary>
public sealed class LogLineIndexStore(Func<IndexDbContext> createDb)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>The stored index of <paramref name="relativePath"/> when it was built from this version of the file; else null.</summary>
    public LogLineIndex? Find(string relativePath, long length, long lastWriteTicks)
    {
        using var db = createDb();
        var row = db.LogLineIndexes.AsNoTracking().FirstOrDefault(r => r.Path == relativePath);
        if (row is null || row.Length != length || row.LastWriteTicks != lastWriteTicks)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LogLineIndex>(row.Json, Json);
        }
        catch (JsonException)
        {
            return null; // written by another version of the console: rebuilt from the file
        }
    }

    /// <summary>Stores (or replaces) the index of each path.</summary>
    public void Save(IReadOnlyCollection<(string Path, LogLineIndex Index)> indexes)
    {
        if (indexes.Count == 0)
        {
            return;
        }

        using var db = createDb();
        var paths = indexes.Select(i => i.Path).ToList();
        var existing = db.LogLineIndexes.Where(r => paths.Contains(r.Path)).ToDictionary(r => r.Path, StringComparer.Ordinal);
        foreach (var (path, index) in indexes)
        {
            if (!existing.TryGetValue(path, out var row))
            {
                row = new LogLineIndexRecord { Path = path };
                db.LogLineIndexes.Add(row);
                existing[path] = row;
            }

            row.Length = index.Length;
            row.LastWriteTicks = index.LastWriteTicks;
            row.Json = JsonSerializer.Serialize(index, Json);
        }

        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another writer (the indexer, or a page view) stored the same path meanwhile: either copy serves,
            // and a copy of an older version of the file is never used (length and time are compared).
        }
    }
}

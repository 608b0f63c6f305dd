using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpsConsole.Bench;

/// <summary>
/// The day after the tree's latest one, as a compliance job would deliver it: one report per device of the
/// latest day, copied with its day fields moved forward, each written atomically (temp file + rename). The
/// follower phase writes it while it loads a follower, then removes it so the tree stays reusable.
/// </summary>
internal sealed class NewDay
{
    /// <summary>A dot-file (never indexed) that marks a day folder as the benchmark's own.</summary>
    private const string Marker = ".bench-follower-day";

    private readonly Tree _tree;
    private readonly List<string> _reportIds = [];
    private string? _firstReportId;

    public NewDay(Tree tree)
    {
        _tree = tree;
        Day = DateOnly.ParseExact(tree.LatestDay, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Folder = Path.Combine(tree.Root, "compliance", Day);
    }

    public string Day { get; }
    public string Folder { get; }

    /// <summary>Files written (reports that did not parse are copied as they are: they stay unreadable).</summary>
    public int Files { get; private set; }

    /// <summary>report_id of each rewritten report, in write order; read it once <see cref="Write"/> has returned.</summary>
    public IReadOnlyList<string> ReportIds => _reportIds;

    /// <summary>report_id of the first report written, as soon as it is on disk (read while the writer goes on).</summary>
    public string? FirstReportId => Volatile.Read(ref _firstReportId);

    /// <summary>Writes the day folder; returns the seconds it took. Refuses a folder that already exists (not ours to overwrite).</summary>
    public double Write()
    {
        if (Directory.Exists(Folder))
        {
            throw new InvalidOperationException($"{Folder} already exists: remove it (a run stopped before it could) and start again");
        }

        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, Marker), "written by the benchmark's follower phase; removed at its end\n");
        var latestCompact = _tree.LatestDay.Replace("-", "", StringComparison.Ordinal);
        var nextCompact = Day.Replace("-", "", StringComparison.Ordinal);
        foreach (var device in _tree.LatestReports)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_tree.Root, "compliance", _tree.LatestDay, device + ".json"));
            var (moved, id) = MoveForward(bytes, latestCompact, nextCompact);
            WriteAtomically(Path.Combine(Folder, device + ".json"), moved);
            Files++;
            if (id is not null)
            {
                _reportIds.Add(id);
                Volatile.Write(ref _firstReportId, _firstReportId ?? id);
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Deletes day folders a killed run left behind (they carry <see cref="Marker"/>), before the tree is described:
    /// otherwise the left-over day would be taken for the tree's latest.
    /// </summary>
    public static void RemoveLeftovers(string root)
    {
        var compliance = Path.Combine(root, "compliance");
        if (!Directory.Exists(compliance))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(compliance).Where(d => File.Exists(Path.Combine(d, Marker))))
        {
            Console.WriteLine($"removing {folder}, left by a follower phase that did not finish");
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Deletes the day folder, if it is there.</summary>
    public void Remove()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private (byte[] Bytes, string? ReportId) MoveForward(byte[] bytes, string latestCompact, string nextCompact)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            return (bytes, null);
        }

        if (node is not JsonObject report || report["report_id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id))
        {
            return (bytes, null);
        }

        // report_id must stay unique across days: the generator puts the day in it; otherwise the day is appended.
        var newId = id.Contains(latestCompact, StringComparison.Ordinal) ? id.Replace(latestCompact, nextCompact, StringComparison.Ordinal) : $"{id}-{nextCompact}";
        report["report_id"] = newId;
        if (report["generated_at"] is JsonValue at && at.TryGetValue<string>(out var generated))
        {
            report["generated_at"] = generated.Contains(_tree.LatestDay, StringComparison.Ordinal)
                ? generated.Replace(_tree.LatestDay, Day, StringComparison.Ordinal)
                : $"{Day}T06:00:00Z";
        }

        return (JsonSerializer.SerializeToUtf8Bytes(report), newId);
    }

    private static void WriteAtomically(string full, byte[] bytes)
    {
        // Dot-files are never indexed, so the leader sees each report only once it is complete.
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".bench-{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, full, overwrite: false);
    }
}

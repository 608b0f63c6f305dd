using System.Diagnostics;

namespace OpsConsole.Demo;

/// <summary>What one generation wrote.</summary>
internal sealed record DemoSummary(string Root, IReadOnlyList<KeyValuePair<string, int>> Counts, long Bytes, TimeSpan Elapsed)
{
    public int Files => Counts.Sum(c => c.Value);
}

/// <summary>
/// Writes a complete artifact tree (ARTIFACTS.md) for the demo scenario. The output depends only on
/// the options: same options, same bytes. Compliance reports are streamed day by day, so a large
/// fleet (10,000 devices × 30 days) needs little memory.
/// </summary>
internal static class DemoGenerator
{
    /// <summary>The top-level entries the generator owns (cleared before writing with --force).</summary>
    public static readonly string[] OwnedEntries =
        ["devices.json", "compliance", "approvals", "batches", "incidents", "engagement", "executions", "operations", "handoff"];

    public static DemoSummary Generate(DemoOptions options)
    {
        if (options.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var watch = Stopwatch.StartNew();
        var root = Path.GetFullPath(options.OutputDir);
        Directory.CreateDirectory(root);
        ClearOwnedEntries(root);

        var world = new DemoWorld(options);
        var writer = new DemoWriter(root);
        DemoInventory.Write(world, writer);
        DemoIncidents.Write(world, writer);
        DemoApprovals.Write(world, writer);
        DemoBatches.Write(world, writer);
        DemoEngagement.Write(world, writer);
        DemoExecutions.Write(world, writer);
        DemoOperations.Write(world, writer);
        DemoHandoff.Write(world, writer);
        DemoCompliance.Write(world, writer);
        return new DemoSummary(root, writer.Counts, writer.TotalBytes, watch.Elapsed);
    }

    /// <summary>True when <paramref name="directory"/> exists and holds anything.</summary>
    public static bool IsNonEmpty(string directory) =>
        Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any();

    // Only the layout entries are removed, so a stale report from an earlier, larger run cannot
    // survive a regeneration, while unrelated files in the folder (README, .git) are left alone.
    private static void ClearOwnedEntries(string root)
    {
        foreach (var entry in OwnedEntries)
        {
            var path = Path.Combine(root, entry);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            else if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}

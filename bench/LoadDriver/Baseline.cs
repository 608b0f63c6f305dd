using System.Diagnostics;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Bench;

/// <summary>
/// The raw ceiling for a cold start: enumerate the tree, read every file and parse it with the
/// app's own <see cref="ArtifactParser"/>, in one process, on all cores. No database, no hashing.
/// </summary>
internal static class Baseline
{
    public sealed record Result(int Files, int Unreadable, TimeSpan Elapsed)
    {
        public double FilesPerSecond => Files / Elapsed.TotalSeconds;
    }

    public static Result Run(string root, int degree)
    {
        var watch = Stopwatch.StartNew();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        var files = Directory.EnumerateFiles(root, "*", options)
            .Where(f => !Path.GetRelativePath(root, f).Split('/').Any(s => s.StartsWith('.')))
            .ToList();
        var unreadable = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = degree }, full =>
        {
            var rel = Path.GetRelativePath(root, full).Replace('\\', '/');
            var bytes = File.ReadAllBytes(full);
            var outcome = ArtifactParser.Parse(ArtifactKinds.Classify(rel), bytes);
            if (outcome.Problem is not null)
            {
                Interlocked.Increment(ref unreadable);
            }
        });
        return new Result(files.Count, unreadable, watch.Elapsed);
    }
}

using System.Collections.Concurrent;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Executions;

namespace OpsConsole.Core.Index;

/// <summary>Line indexes of execution logs, built while the pass sees the log (issue 20).</summary>
public sealed partial class ArtifactIndexer
{
    /// <summary>
    /// Builds the line index of <paramref name="rel"/> when it is an execution log, into <paramref name="built"/>.
    /// A log of any size is read once here, in the pass's parallel workers with a fixed buffer, so the first
    /// view of its page needs no pass of its own (a 51 MiB log took 1.4 s to open before).
    /// </summary>
    private void AddLogLines(string rel, ConcurrentBag<(string Path, LogLineIndex Index)> built)
    {
        if (ArtifactKinds.Classify(rel) != ArtifactKind.ExecutionLog)
        {
            return;
        }

        try
        {
            if (ExecutionLogReader.BuildIndex(_store, rel) is { } index)
            {
                built.Add((rel, index));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The page builds it on first view instead; the catalogue row already says whether the file is readable.
        }
    }
}

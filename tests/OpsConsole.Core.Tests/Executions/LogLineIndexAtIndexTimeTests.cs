using OpsConsole.Core.Executions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Executions;

/// <summary>Issue 20: the line index of an execution log is built by the index pass and stored, so a page reads from it.</summary>
public sealed class LogLineIndexAtIndexTimeTests : IDisposable
{
    private const string Log = "executions/real-run.log";

    // A size cap far below the log: like a 50 MB log, it is too big to be read whole as a document.
    private readonly IndexedArtifactRoot _root = new(maxBytes: 4096);

    public void Dispose() => _root.Dispose();

    private static string Lines(int count, int errorAt) =>
        string.Concat(Enumerable.Range(1, count).Select(n => n == errorAt ? $"2026-11-20T10:00:00Z ERROR [apply] line {n} failed\n" : $"2026-11-20T10:00:00Z INFO  [bulk] line {n}\n"));

    private (long Length, long Ticks) Version()
    {
        var info = new FileInfo(Path.Combine(_root.Root, Log));
        return (info.Length, info.LastWriteTimeUtc.Ticks);
    }

    [Fact]
    public async Task An_index_pass_stores_the_line_index_of_an_execution_log()
    {
        _root.Write(Log, Lines(3000, errorAt: 2500));

        await _root.EvaluateAsync();
        var (length, ticks) = Version();
        var stored = new LogLineIndexStore(_root.CreateDb).Find(Log, length, ticks);

        Assert.NotNull(stored);
        Assert.Equal(3000, stored.LineCount);
        Assert.Equal(2500, stored.FirstErrorLine);
        Assert.Equal(3, stored.Checkpoints.Count); // lines 1, 1025 and 2049 start a checkpoint
    }

    [Fact]
    public async Task The_reader_pages_lines_from_the_stored_index()
    {
        _root.Write(Log, Lines(3000, errorAt: 2500));
        await _root.EvaluateAsync();
        using var reader = new ExecutionLogReader(_root.Store, new LogLineIndexStore(_root.CreateDb));

        var index = reader.Index(Log)!;
        var page = reader.Read(Log, index, 2499, 2);

        Assert.Equal(3000, index.LineCount);
        Assert.Equal([2499, 2500], page.Lines.Select(l => l.Number));
        Assert.EndsWith("line 2499", page.Lines[0].Text);
        Assert.Equal(LogLevel.Error, page.Lines[1].Level);
    }

    [Fact]
    public async Task A_stored_index_of_this_version_of_the_file_is_used_without_a_pass_over_the_file()
    {
        _root.Write(Log, Lines(3000, errorAt: 2500));
        await _root.EvaluateAsync();
        var store = new LogLineIndexStore(_root.CreateDb);
        var (length, ticks) = Version();
        // A stored copy that says something the file does not: only a reader that uses the copy reports it.
        store.Save([(Log, new LogLineIndex { Length = length, LastWriteTicks = ticks, LineCount = 7, Checkpoints = [0] })]);
        using var reader = new ExecutionLogReader(_root.Store, store);

        Assert.Equal(7, reader.Index(Log)!.LineCount);
    }

    [Fact]
    public async Task A_stored_index_of_an_older_version_of_the_file_is_not_used()
    {
        _root.Write(Log, Lines(3000, errorAt: 2500));
        await _root.EvaluateAsync();
        _root.Write(Log, Lines(10, errorAt: 4)); // changed after the pass, not indexed yet
        using var reader = new ExecutionLogReader(_root.Store, new LogLineIndexStore(_root.CreateDb));

        var index = reader.Index(Log)!;

        Assert.Equal(10, index.LineCount);
        Assert.Equal(4, index.FirstErrorLine);
    }

    [Fact]
    public async Task A_deleted_log_loses_its_stored_line_index()
    {
        _root.Write(Log, Lines(20, errorAt: 3));
        await _root.EvaluateAsync();
        File.Delete(Path.Combine(_root.Root, Log));

        await _root.EvaluateAsync();
        using var db = _root.CreateDb();

        Assert.Empty(db.LogLineIndexes);
    }
}

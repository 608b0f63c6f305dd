using System.Text;
using OpsConsole.Core.Executions;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Executions;

public sealed class ExecutionLogReaderTests : IDisposable
{
    private const string Secret = "Zq9xLEAKEDsecretValue0042";
    private readonly TempRoot _temp = new();
    private readonly ArtifactStore _store;
    private readonly ExecutionLogReader _reader;

    public ExecutionLogReaderTests()
    {
        _store = new ArtifactStore(_temp.Root, maxBytes: 1024 * 1024);
        _reader = new ExecutionLogReader(_store);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _store.Dispose();
        _temp.Dispose();
    }

    private static string Lines(int count, Func<int, string>? text = null) =>
        string.Concat(Enumerable.Range(1, count).Select(n => (text ?? (i => $"2026-11-20T10:00:00Z INFO  [bulk] line {i}"))(n) + "\n"));

    [Fact]
    public void Errors_and_warnings_are_counted_and_the_first_error_is_found()
    {
        _temp.Write("executions/run.log", "a INFO start\nb WARN slow\nc ERROR boom\nd ERROR again\ne WARN [x] run blocked\n");

        var index = _reader.Index("executions/run.log")!;

        Assert.Equal(5, index.LineCount);
        Assert.Equal(2, index.ErrorCount);
        Assert.Equal(2, index.WarnCount);
        Assert.Equal(3, index.FirstErrorLine);
        Assert.Equal(2, index.FirstWarnLine);
        Assert.Equal(ExecutionOutcomes.Blocked, index.Outcome);
    }

    [Fact]
    public void A_bom_crlf_endings_and_a_last_line_without_newline_read_as_plain_lines()
    {
        _temp.WriteBytes("executions/win.log", [0xEF, 0xBB, 0xBF, .. "first\r\nsecond\r\nthird"u8]);

        var index = _reader.Index("executions/win.log")!;
        var page = _reader.Read("executions/win.log", index, 1, 10);

        Assert.Equal(3, index.LineCount);
        Assert.Equal(["first", "second", "third"], page.Lines.Select(l => l.Text));
        Assert.Equal([1, 2, 3], page.Lines.Select(l => l.Number));
    }

    [Fact]
    public void A_page_far_into_the_log_holds_exactly_the_requested_lines()
    {
        _temp.Write("executions/long.log", Lines(5000));

        var index = _reader.Index("executions/long.log")!;
        var page = _reader.Read("executions/long.log", index, 2050, 10);

        Assert.Equal(5000, index.LineCount);
        Assert.Equal(Enumerable.Range(2050, 10), page.Lines.Select(l => l.Number));
        Assert.All(page.Lines, l => Assert.EndsWith($"line {l.Number}", l.Text, StringComparison.Ordinal));
        Assert.Equal(5000, _reader.Read("executions/long.log", index, 9999, 10).Lines.Single().Number);
    }

    [Fact]
    public void Reading_a_page_of_a_large_log_allocates_a_bounded_amount_whatever_its_size()
    {
        _temp.Write("executions/big.log", Lines(300_000)); // ~14 MB, over this store's 1 MiB cap
        var index = _reader.Index("executions/big.log")!;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var page = _reader.Read("executions/big.log", index, 250_000, 200);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(200, page.Lines.Count);
        Assert.True(allocated < 1024 * 1024, $"reading 200 lines allocated {allocated:N0} bytes");
        Assert.True(index.Checkpoints.Count <= (300_000 / LogLineIndex.CheckpointEvery) + 1, "the line index keeps one offset per checkpoint only");
    }

    [Fact]
    public void A_secret_is_found_with_its_line_and_only_ever_leaves_masked()
    {
        _temp.Write("executions/leak.log", $"start\nexport NETBOX_WRITE_TOKEN={Secret}\ndone\n");

        var index = _reader.Index("executions/leak.log")!;
        var page = _reader.Read("executions/leak.log", index, 1, 10);

        var hit = Assert.Single(index.Secrets);
        Assert.Equal(2, hit.Line);
        Assert.DoesNotContain(Secret, hit.Masked, StringComparison.Ordinal);
        Assert.Contains("Zq9x•", page.Lines[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..5], string.Concat(page.Lines.Select(l => l.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_filter_matches_the_redacted_text_so_it_cannot_probe_a_masked_secret()
    {
        _temp.Write("executions/leak.log", $"start\nexport NETBOX_WRITE_TOKEN={Secret}\ndone\n");
        var index = _reader.Index("executions/leak.log")!;

        Assert.Equal(0, _reader.Filter("executions/leak.log", index, "LEAKEDsecret", 0, 10).Total);
        Assert.Equal(1, _reader.Filter("executions/leak.log", index, "netbox_write", 0, 10).Total);
    }

    [Fact]
    public void A_secret_across_the_edge_of_a_line_longer_than_the_buffer_is_still_found()
    {
        var padding = new string('x', (1024 * 1024) - 10);
        _temp.Write("executions/wide.log", $"INFO {padding} NETBOX_WRITE_TOKEN={Secret} tail\nnext\n");

        var index = _reader.Index("executions/wide.log")!;
        var first = _reader.Read("executions/wide.log", index, 1, 2);

        Assert.Equal(2, index.LineCount);
        Assert.Single(index.Secrets);
        Assert.True(first.Lines[0].Truncated);
        Assert.Equal(ExecutionLogReader.MaxLineChars, first.Lines[0].Text.Length);
        Assert.Equal("next", first.Lines[1].Text);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line()
    {
        _temp.WriteBytes("executions/bad.log", [.. "ok\n"u8, 0x41, 0xC0, 0xAE, 0x42, (byte)'\n']);

        Assert.Equal(2, _reader.Index("executions/bad.log")!.InvalidUtf8Line);
    }

    [Theory]
    [InlineData("../outside.log")]
    [InlineData("executions/report.json")]
    [InlineData("handoff/run.log")]
    [InlineData("executions/missing.log")]
    public void Only_execution_logs_inside_the_root_are_read(string path)
    {
        File.WriteAllText(Path.Join(_temp.Base, "outside.log"), "outside\n");
        _temp.Write("executions/report.json", "{}");

        Assert.Null(_reader.Index(path));
    }

    [Fact]
    public void A_log_linked_to_a_file_outside_the_root_is_refused()
    {
        var outside = Path.Join(_temp.Outside, "secret.log");
        File.WriteAllText(outside, "outside\n", Encoding.UTF8);
        Directory.CreateDirectory(_temp.PathOf("executions"));
        File.CreateSymbolicLink(_temp.PathOf("executions/linked.log"), outside);

        Assert.Null(_reader.Index("executions/linked.log"));
    }
}

using System.Text;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Tests.Artifacts;

public sealed class ResponsesCsvTests
{
    private const string Header = "item_id,device,field,value,evidence,responded_by,responded_at";
    private static readonly DateTimeOffset At = new(2026, 5, 2, 9, 30, 15, TimeSpan.FromHours(-3));

    private static EngagementResponse Row(string value, string evidence = "ticket 1") =>
        new("I-1", "dev-1", "tenant", value, evidence, "ana@example.org", At);

    private static string Write(params EngagementResponse[] rows)
    {
        using var writer = new StringWriter();
        ResponsesCsv.Write(writer, rows);
        return writer.ToString();
    }

    private static ParseOutcome Parse(string text) => ResponsesCsv.Parse(Encoding.UTF8.GetBytes(text));

    private static List<EngagementResponse> ReadBack(string text)
    {
        var outcome = Parse(text);
        Assert.Null(outcome.Problem);
        return Assert.IsType<List<EngagementResponse>>(outcome.Document);
    }

    [Fact]
    public void WrittenFileStartsWithTheContractHeader() =>
        Assert.StartsWith(Header + "\r\n", Write(Row("x")), StringComparison.Ordinal);

    [Fact]
    public void RowsSurviveAWriteAndParseRoundTrip()
    {
        EngagementResponse[] rows =
        [
            Row("plain"),
            Row("say \"hi\"", "a, b and c"),
            Row("line one\nline two\r\nline three", "multi\nline"),
            Row("São Paulo — 東京 — 🚀", "naïve café"),
            Row("", ""),
            new("I-2", "core_sw.01", "criticality", "high", "e", "bob", new DateTimeOffset(2026, 5, 3, 0, 0, 0, TimeSpan.Zero)),
        ];

        Assert.Equal(rows, ReadBack(Write(rows)));
    }

    [Fact]
    public void HeaderOnlyFileHasNoRows() => Assert.Empty(ReadBack(Header + "\r\n"));

    [Fact]
    public void BomPrefixedFileIsReadable()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Write(Row("x")))).ToArray();

        Assert.Null(ResponsesCsv.Parse(bytes).Problem);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    public void FormulaLookingValueIsEscapedOnWrite(string value)
    {
        var back = Assert.Single(ReadBack(Write(Row(value, evidence: value))));

        Assert.Equal("'" + value, back.Value);
        Assert.Equal("'" + value, back.Evidence);
    }

    [Fact]
    public void ValueWithAFormulaCharacterInsideIsNotEscaped() =>
        Assert.Equal("a=b+c", Assert.Single(ReadBack(Write(Row("a=b+c")))).Value);

    [Theory]
    [InlineData("item_id,device,field,value,evidence,responded_by")]
    [InlineData("item_id,device,field,value,evidence,responded_by,responded_at,extra")]
    [InlineData("Item_Id,device,field,value,evidence,responded_by,responded_at")]
    [InlineData("device,item_id,field,value,evidence,responded_by,responded_at")]
    public void WrongHeaderIsUnreadableAndShowsTheExpectedHeader(string header)
    {
        var problem = Parse(header + "\r\nI-1,dev-1,tenant,x,e,ana,2026-05-02T09:30:15Z\r\n").Problem;

        Assert.NotNull(problem);
        Assert.Contains("header", problem, StringComparison.Ordinal);
        Assert.Contains(Header, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I-1,dev-1,tenant,x,e,ana")]
    [InlineData("I-1,dev-1,tenant,x,e,ana,2026-05-02T09:30:15Z,surplus")]
    public void RowWithTheWrongFieldCountIsUnreadable(string row)
    {
        var problem = Parse(Header + "\r\nI-0,dev-1,tenant,x,e,ana,2026-05-02T09:30:15Z\r\n" + row + "\r\n").Problem;

        Assert.NotNull(problem);
        Assert.Contains("row 2", problem, StringComparison.Ordinal);
        Assert.Contains("fields", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("2026-13-02T09:30:15Z")]
    [InlineData("2026-05-02T09:30:15")]
    [InlineData("05/02/2026 09:30")]
    public void RespondedAtThatIsNotAnIsoTimeWithOffsetIsUnreadable(string at)
    {
        var problem = Parse($"{Header}\r\nI-1,dev-1,tenant,x,e,ana,{at}\r\n").Problem;

        Assert.NotNull(problem);
        Assert.Contains("responded_at", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-02T09:30:15Z")]
    [InlineData("2026-05-02T09:30:15+00:00")]
    [InlineData("2026-05-02T06:30:15-03:00")]
    [InlineData("2026-05-02T09:30:15.1234567Z")]
    public void RespondedAtInIsoFormWithOffsetIsRead(string at)
    {
        var row = Assert.Single(ReadBack($"{Header}\r\nI-1,dev-1,tenant,x,e,ana,{at}\r\n"));

        Assert.Equal(new DateTimeOffset(2026, 5, 2, 9, 30, 15, TimeSpan.Zero), row.RespondedAt.AddTicks(-(row.RespondedAt.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Fact]
    public void UnterminatedQuoteIsUnreadable() =>
        Assert.NotNull(Parse($"{Header}\r\nI-1,dev-1,tenant,\"open quote,e,ana,2026-05-02T09:30:15Z\r\n").Problem);

    [Fact]
    public void EmptyFileIsUnreadable() => Assert.Contains("empty", ResponsesCsv.Parse([]).Problem, StringComparison.Ordinal);

    [Fact]
    public void InvalidUtf8IsUnreadable() =>
        Assert.Contains("UTF-8", ResponsesCsv.Parse([.. Encoding.UTF8.GetBytes(Header + "\r\n"), 0xC0, 0xAE]).Problem, StringComparison.Ordinal);
}

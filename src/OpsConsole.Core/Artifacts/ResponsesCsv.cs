using System.Globalization;
using System.Text;
using CsvHelper;

namespace OpsConsole.Core.Artifacts;

/// <summary>One saved answer in <c>engagement/&lt;device&gt;/responses.csv</c>.</summary>
public sealed record EngagementResponse(
    string ItemId, string Device, string Field, string Value, string Evidence, string RespondedBy, DateTimeOffset RespondedAt);

/// <summary>Reads and writes <c>responses.csv</c> with the exact header ARTIFACTS.md fixes.</summary>
public static class ResponsesCsv
{
    /// <summary>The header row, in order.</summary>
    public static readonly string[] Header = ["item_id", "device", "field", "value", "evidence", "responded_by", "responded_at"];

    // ISO-8601 with an offset (ARTIFACTS.md): a time without one would be read in the server's zone.
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>Writer options: RFC 4180 quoting, formula-injection cells escaped.</summary>
    public static CsvWriterOptions WriterOptions { get; } = new() { Injection = CsvInjection.Escape, NewLine = "\r\n" };

    /// <summary>Parses the file; a wrong header or a malformed row makes the whole file unreadable.</summary>
    public static ParseOutcome Parse(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ParseOutcome.Unreadable("responses.csv is not valid UTF-8");
        }

        if (text.Length == 0)
        {
            return ParseOutcome.Unreadable("responses.csv is empty (0 bytes; the header row is missing)");
        }

        try
        {
            using var csv = CsvReader.FromText(text, new CsvReaderOptions { MalformedData = CsvMalformedDataHandling.Throw });
            if (!csv.Headers.SequenceEqual(Header, StringComparer.Ordinal))
            {
                return ParseOutcome.Unreadable($"responses.csv header is \"{string.Join(',', csv.Headers)}\"; expected \"{string.Join(',', Header)}\"");
            }

            var rows = new List<EngagementResponse>();
            while (csv.Read())
            {
                if (csv.FieldCount != Header.Length)
                {
                    return ParseOutcome.Unreadable($"responses.csv row {rows.Count + 1} has {csv.FieldCount} fields; expected {Header.Length}");
                }

                if (!DateTimeOffset.TryParseExact(csv.GetString(6), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    return ParseOutcome.Unreadable($"responses.csv row {rows.Count + 1}: responded_at \"{csv.GetString(6)}\" is not an ISO-8601 time with an offset");
                }

                rows.Add(new EngagementResponse(csv.GetString(0), csv.GetString(1), csv.GetString(2), csv.GetString(3),
                    csv.GetString(4), csv.GetString(5), at));
            }

            return ParseOutcome.Ok(rows);
        }
        catch (CsvFormatException ex)
        {
            return ParseOutcome.Unreadable($"responses.csv is malformed: {ex.Message}");
        }
    }

    /// <summary>Writes header and rows to <paramref name="writer"/> (RFC 4180, CRLF, injection escaped).</summary>
    public static void Write(TextWriter writer, IEnumerable<EngagementResponse> rows)
    {
        using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var r in rows)
        {
            csv.WriteRecord([r.ItemId, r.Device, r.Field, r.Value, r.Evidence, r.RespondedBy,
                r.RespondedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)]);
        }

        csv.Flush();
    }
}

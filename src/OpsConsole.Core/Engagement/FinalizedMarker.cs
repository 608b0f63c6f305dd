using System.Globalization;
using System.Text.Json;

namespace OpsConsole.Core.Engagement;

/// <summary>
/// The finalized marker (<c>engagement/&lt;device&gt;/finalized.json</c>): who finalized the
/// package, when, and which responses and validation it was based on. Not part of ARTIFACTS.md;
/// the console writes and reads it only (docs/engagement.md).
/// </summary>
/// <param name="Device">Device name.</param>
/// <param name="FinalizedAt">When it was finalized.</param>
/// <param name="FinalizedBy">Who finalized it.</param>
/// <param name="ValidationGeneratedAt">The validation report it relied on.</param>
/// <param name="ResponsesSha256">Hash of responses.csv at that moment.</param>
/// <param name="Answered">Required items answered.</param>
/// <param name="Required">Required items.</param>
public sealed record FinalizedMarker(
    string Device, DateTimeOffset FinalizedAt, string FinalizedBy, DateTimeOffset ValidationGeneratedAt,
    string ResponsesSha256, int Answered, int Required)
{
    /// <summary>The schema string written into the marker.</summary>
    public const string Schema = "opsconsole/engagement-finalized@1";

    /// <summary>The marker as indented UTF-8 JSON (snake_case, like the contract's documents).</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("device", Device);
            json.WriteString("finalized_at", FinalizedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("finalized_by", FinalizedBy);
            json.WriteString("validation_generated_at", ValidationGeneratedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("responses_sha256", ResponsesSha256);
            json.WriteNumber("answered", Answered);
            json.WriteNumber("required", Required);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a marker; null when the text is not a marker this console wrote.</summary>
    public static FinalizedMarker? TryRead(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("schema", out var s) || s.GetString() != Schema)
            {
                return null;
            }

            return new FinalizedMarker(
                r.GetProperty("device").GetString() ?? "",
                r.GetProperty("finalized_at").GetDateTimeOffset(),
                r.GetProperty("finalized_by").GetString() ?? "",
                r.GetProperty("validation_generated_at").GetDateTimeOffset(),
                r.GetProperty("responses_sha256").GetString() ?? "",
                r.GetProperty("answered").GetInt32(),
                r.GetProperty("required").GetInt32());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

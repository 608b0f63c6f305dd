using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpsConsole.Core.Storage;

/// <summary>
/// Scans and redacts every decoded string of a JSON document, so escapes (<c>\"</c>, <c>\u0027</c>) and
/// values quoted inside strings cannot hide a secret, and a value is read with its property name
/// (<c>"Authorization": "Bearer …"</c> is scanned as <c>Authorization: Bearer …</c>). One read pass; a
/// second pass rewrites the document only when a value must be masked (rare).
/// </summary>
internal static class JsonSecrets
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>The hits among the decoded strings and, when any, the document with those strings masked.</summary>
    /// <returns>False when the bytes are not well-formed JSON (the caller falls back to a lenient scan).</returns>
    public static bool TryInspect(ReadOnlySpan<byte> json, List<SecretHit> hits, out byte[]? redacted)
    {
        redacted = null;
        Dictionary<int, string>? replacements = null;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            string? property = null;
            var inKeyBlock = false;
            int token = 0, line = 1;
            long counted = 0;
            while (reader.Read())
            {
                token++;
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        property = null;
                    }

                    continue;
                }

                line += json[(int)counted..(int)reader.TokenStartIndex].Count((byte)'\n');
                counted = reader.TokenStartIndex;
                var value = reader.GetString() ?? "";
                var isName = reader.TokenType == JsonTokenType.PropertyName;
                var masked = Redact(isName ? null : property, value, line, hits, ref inKeyBlock);
                if (isName)
                {
                    property = value;
                }

                if (masked is not null)
                {
                    (replacements ??= [])[token] = masked;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (replacements is not null)
        {
            redacted = Rewrite(json, replacements);
        }

        return true;
    }

    // The masked value, or null when it holds no secret. A value is scanned as "name: value" so
    // a secret named by its property is found; only hits inside the value are masked here (the name
    // is a token of its own).
    private static string? Redact(string? property, string value, int line, List<SecretHit> hits, ref bool inKeyBlock)
    {
        // A key split over an array of lines: every line after BEGIN up to END is key material.
        if (inKeyBlock)
        {
            inKeyBlock = !value.Contains("-----END", StringComparison.Ordinal);
            return value.Contains("-----END", StringComparison.Ordinal) ? null : SecretScanner.Mask(value.Trim());
        }

        var prefix = property is null ? "" : property + ": ";
        var text = prefix + value;
        var found = SecretScanner.Find(text).Where(f => f.Index >= prefix.Length).ToList();
        if (found.Count == 0)
        {
            return null;
        }

        var within = 0;
        var counted = 0;
        foreach (var f in found)
        {
            within += text.AsSpan(counted, f.MatchIndex - counted).Count('\n');
            counted = f.MatchIndex;
            hits.Add(new SecretHit(line + within, f.Rule.Name, SecretScanner.Mask(f.Value(text).Trim())));
            if (f.Rule.Name == "private key block" && !text.AsSpan(f.MatchIndex).Contains("-----END", StringComparison.Ordinal))
            {
                inKeyBlock = true;
            }
        }

        var masked = SecretScanner.MaskAll(text);
        return masked.StartsWith(prefix, StringComparison.Ordinal) ? masked[prefix.Length..] : SecretScanner.Mask(value);
    }

    private static byte[] Rewrite(ReadOnlySpan<byte> json, Dictionary<int, string> replacements)
    {
        var output = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            var token = 0;
            while (reader.Read())
            {
                token++;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(replacements.GetValueOrDefault(token) ?? reader.GetString()!); break;
                    case JsonTokenType.String: writer.WriteStringValue(replacements.GetValueOrDefault(token) ?? reader.GetString()); break;
                    case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                    case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case JsonTokenType.Null: writer.WriteNullValue(); break;
                    default: break;
                }
            }
        }

        return output.WrittenSpan.ToArray();
    }
}

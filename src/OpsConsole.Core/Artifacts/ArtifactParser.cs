using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;

namespace OpsConsole.Core.Artifacts;

/// <summary>The outcome of parsing one file: a typed document, or the human reason it is unreadable.</summary>
/// <param name="Document">The parsed content (a model record, a response list, or text); null when unreadable.</param>
/// <param name="Problem">Why the file cannot be used, in plain words; null when readable.</param>
public sealed record ParseOutcome(object? Document, string? Problem)
{
    /// <summary>A readable outcome.</summary>
    public static ParseOutcome Ok(object document) => new(document, null);

    /// <summary>An unreadable outcome with its reason.</summary>
    public static ParseOutcome Unreadable(string reason) => new(null, reason);
}

/// <summary>
/// Turns the bytes of one artifact into a typed document. Never throws for bad content: a file that
/// is not valid JSON, carries the wrong or an unsupported schema, or fails its validator becomes an
/// unreadable outcome with a reason a person can act on.
/// </summary>
public static class ArtifactParser
{
    private static readonly JsonSerializerOptions Options = ArtifactJsonContext.Default.Options;

    /// <summary>Parses <paramref name="bytes"/> as an artifact of <paramref name="kind"/>.</summary>
    public static ParseOutcome Parse(ArtifactKind kind, ReadOnlySpan<byte> bytes)
    {
        bytes = StripBom(bytes);
        return kind switch
        {
            ArtifactKind.Inventory => ParseJson(bytes, kind, ArtifactJsonContext.Default.DeviceInventory, ArtifactValidators.Inventory),
            ArtifactKind.ComplianceReport => ParseJson(bytes, kind, ArtifactJsonContext.Default.ComplianceReport, ArtifactValidators.ComplianceReport),
            ArtifactKind.Approval => ParseJson(bytes, kind, ArtifactJsonContext.Default.ApprovalRecord, ArtifactValidators.Approval),
            ArtifactKind.BatchPlan => ParseJson(bytes, kind, ArtifactJsonContext.Default.BatchPlan, ArtifactValidators.BatchPlan),
            ArtifactKind.BatchResult => ParseJson(bytes, kind, ArtifactJsonContext.Default.BatchResult, ArtifactValidators.BatchResult),
            ArtifactKind.Incident => ParseJson(bytes, kind, ArtifactJsonContext.Default.Incident, ArtifactValidators.Incident),
            ArtifactKind.EngagementPackage => ParseJson(bytes, kind, ArtifactJsonContext.Default.EngagementPackage, ArtifactValidators.EngagementPackage),
            ArtifactKind.EngagementValidation => ParseJson(bytes, kind, ArtifactJsonContext.Default.EngagementValidation, ArtifactValidators.EngagementValidation),
            ArtifactKind.ExecutionReport => ParseJson(bytes, kind, ArtifactJsonContext.Default.ExecutionReport, ArtifactValidators.ExecutionReport),
            ArtifactKind.Cycle => ParseJson(bytes, kind, ArtifactJsonContext.Default.Cycle, ArtifactValidators.Cycle),
            ArtifactKind.Gate => ParseJson(bytes, kind, ArtifactJsonContext.Default.Gate, ArtifactValidators.Gate),
            ArtifactKind.ComplianceReview => ParseJson(bytes, kind, ArtifactJsonContext.Default.ComplianceReview, ArtifactValidators.ComplianceReview),
            ArtifactKind.EngagementResponses => ResponsesCsv.Parse(bytes),
            ArtifactKind.ExecutionLog or ArtifactKind.HandoffDocument => ParseText(bytes),
            _ => ParseText(bytes),
        };
    }

    /// <summary>Serializes a document with the same options the parser reads with (snake_case, indented).</summary>
    public static byte[] Serialize<T>(T document) where T : ArtifactDocument =>
        JsonSerializer.SerializeToUtf8Bytes(document, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    private static ParseOutcome ParseJson<T>(ReadOnlySpan<byte> bytes, ArtifactKind kind, JsonTypeInfo<T> typeInfo, IValidator<T> validator)
        where T : ArtifactDocument
    {
        if (bytes.IsEmpty)
        {
            return ParseOutcome.Unreadable("the file is empty (0 bytes)");
        }

        // The schema is checked before the typed parse, so a document of another kind or of a future
        // major is reported as such instead of as a confusing type error.
        var schemaProblem = CheckSchema(bytes, ArtifactKinds.SchemaName(kind)!);
        if (schemaProblem is not null)
        {
            return ParseOutcome.Unreadable(schemaProblem);
        }

        T? document;
        try
        {
            document = JsonSerializer.Deserialize(bytes, typeInfo);
        }
        catch (JsonException ex)
        {
            return ParseOutcome.Unreadable($"not valid JSON for {kind}: {Describe(ex)}");
        }
        catch (InvalidOperationException ex)
        {
            return ParseOutcome.Unreadable($"not valid JSON for {kind}: {ex.Message}");
        }

        if (document is null)
        {
            return ParseOutcome.Unreadable("the document is JSON null");
        }

        var result = validator.Validate(document);
        return result.IsValid
            ? ParseOutcome.Ok(document)
            : ParseOutcome.Unreadable(string.Join("; ", result.Errors.Take(5).Select(e => e.ErrorMessage)));
    }

    /// <summary>Reads the top-level <c>schema</c> string and checks kind and major.</summary>
    internal static string? CheckSchema(ReadOnlySpan<byte> bytes, string expectedKind)
    {
        string? schema = null;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSchema = reader.ValueTextEquals("schema"u8);
                reader.Read();
                if (isSchema)
                {
                    schema = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                }

                reader.Skip();
            }
        }
        catch (JsonException ex)
        {
            return $"not valid JSON: {Describe(ex)}";
        }

        if (string.IsNullOrEmpty(schema))
        {
            return "the \"schema\" field is missing (expected \"opsconsole/" + expectedKind + "@1\")";
        }

        const string prefix = "opsconsole/";
        var at = schema.LastIndexOf('@');
        if (!schema.StartsWith(prefix, StringComparison.Ordinal) || at < 0)
        {
            return $"schema \"{schema}\" is not an OpsConsole schema (expected \"opsconsole/{expectedKind}@1\")";
        }

        var kindName = schema[prefix.Length..at];
        if (kindName != expectedKind)
        {
            return $"schema \"{schema}\" is the wrong kind for this location (expected \"opsconsole/{expectedKind}@1\")";
        }

        if (!int.TryParse(schema[(at + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major))
        {
            return $"schema \"{schema}\" has no valid major version";
        }

        return major == ArtifactKinds.SupportedMajor
            ? null
            : $"unsupported version: \"{schema}\" (this console reads @{ArtifactKinds.SupportedMajor})";
    }

    private static ParseOutcome ParseText(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return ParseOutcome.Ok(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return ParseOutcome.Unreadable("not valid UTF-8 text");
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static ReadOnlySpan<byte> StripBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    private static string Describe(JsonException ex)
    {
        // JsonException messages name the JSON path and line, which is what a person needs; the
        // inner exception (if any) carries the underlying parse error.
        var message = ex.Message;
        if (message.Contains("doesn't allow null values", StringComparison.Ordinal))
        {
            // The serializer's wording addresses developers ("update its nullability annotation").
            message = "null is not allowed here.";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var location = ex.Path is null ? "" : $" at {ex.Path}";
        var line = ex.LineNumber is { } l ? $" (line {l + 1})" : "";
        return (cut > 0 ? message[..cut] : message).TrimEnd('.') + location + line;
    }
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Demo;

/// <summary>
/// Writes files under the output folder and counts them by kind. JSON goes through
/// <see cref="ArtifactParser.Serialize{T}"/> so the output is exactly what the parser reads.
/// Safe to call from several threads.
/// </summary>
internal sealed class DemoWriter(string root)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private long _bytes;

    public string Root => root;

    public long TotalBytes => Interlocked.Read(ref _bytes);

    /// <summary>Files written per kind, sorted by kind.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Counts => [.. _counts.OrderBy(c => c.Key, StringComparer.Ordinal)];

    public void Json<T>(string relativePath, T document, string kind) where T : ArtifactDocument =>
        Bytes(relativePath, WithUtcAsZ(ArtifactParser.Serialize(document)), kind);

    /// <summary>
    /// Serializes <paramref name="document"/> and adds fields the model does not carry (the contract
    /// allows extra fields; readers ignore what they do not know).
    /// </summary>
    public void JsonWithExtras<T>(string relativePath, T document, string kind, Action<JsonObject> addExtras) where T : ArtifactDocument
    {
        var node = JsonNode.Parse(ArtifactParser.Serialize(document))!.AsObject();
        addExtras(node);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(node, JsonNodeContext.Default.JsonNode);
        Bytes(relativePath, WithUtcAsZ(bytes), kind);
    }

    public void Text(string relativePath, string text, string kind) =>
        Bytes(relativePath, Utf8.GetBytes(text.ReplaceLineEndings("\n")), kind, addNewLine: false);

    public void Bytes(string relativePath, byte[] content, string kind, bool addNewLine = true)
    {
        var full = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        var folder = Path.GetDirectoryName(full)!;
        if (_folders.TryAdd(folder, true))
        {
            Directory.CreateDirectory(folder);
        }

        using (var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 4096))
        {
            stream.Write(content);
            if (addNewLine)
            {
                stream.WriteByte((byte)'\n');
            }
        }

        Interlocked.Add(ref _bytes, content.Length + (addNewLine ? 1 : 0));
        _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    /// <summary>A JSON value for a divergence, payload or engagement field.</summary>
    public static JsonElement Value(string? value) =>
        value is null ? NullElement : JsonSerializer.SerializeToElement(value, JsonNodeContext.Default.String);

    /// <summary>A JSON number (ids in lookups).</summary>
    public static JsonElement Value(long value) => JsonSerializer.SerializeToElement(value, JsonNodeContext.Default.Int64);

    /// <summary>A JSON value built from a node (objects and arrays in payloads and lookups).</summary>
    public static JsonElement Value(JsonNode node) => JsonSerializer.SerializeToElement(node, JsonNodeContext.Default.JsonNode);

    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement.Clone();

    // System.Text.Json writes a zero offset as "+00:00"; CI tools of this fleet stamp UTC times with
    // "Z", so the demo does too. Only complete time values end in +00:00 followed by a quote.
    private static byte[] WithUtcAsZ(byte[] json)
    {
        ReadOnlySpan<byte> utc = "+00:00\""u8;
        if (json.AsSpan().IndexOf(utc) < 0)
        {
            return json;
        }

        var output = new List<byte>(json.Length);
        var rest = json.AsSpan();
        int at;
        while ((at = rest.IndexOf(utc)) >= 0)
        {
            output.AddRange(rest[..at]);
            output.Add((byte)'Z');
            output.Add((byte)'"');
            rest = rest[(at + utc.Length)..];
        }

        output.AddRange(rest);
        return [.. output];
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonNode))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(long))]
internal sealed partial class JsonNodeContext : System.Text.Json.Serialization.JsonSerializerContext;

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Approvals;

/// <summary>
/// Applies a decision to the record's original JSON: sets <c>state</c> and appends the history
/// entry, leaving every other field (including ones this version does not know) as it was.
/// Re-serializing the typed model instead would silently drop unknown fields.
/// </summary>
public static class ApprovalJsonPatch
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Data files, not HTML: keep text such as "<b>" or "Ação" as written (quotes and control characters are still escaped).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the new UTF-8 bytes (no BOM); throws when the result would not parse as approval@1.</summary>
    public static byte[] Apply(ReadOnlySpan<byte> original, ApprovalHistoryEntry entry, string newState)
    {
        var node = JsonNode.Parse(ArtifactParser.StripBom(original).ToArray()) as JsonObject
            ?? throw new InvalidOperationException("the approval is not a JSON object");
        node["state"] = newState;
        if (node["history"] is not JsonArray history)
        {
            history = [];
            node["history"] = history;
        }

        var added = new JsonObject
        {
            ["at"] = entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            ["from"] = entry.From,
            ["to"] = entry.To,
            ["actor"] = entry.Actor,
            ["reason"] = entry.Reason,
        };
        if (entry.OsUser is { } osUser)
        {
            added["os_user"] = osUser;
        }

        history.Add(added);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        var bytes = buffer.ToArray();

        // Never write what the console could not read back.
        var check = ArtifactParser.Parse(ArtifactKind.Approval, bytes);
        if (check.Document is not ApprovalRecord written || written.State != newState || written.History.Count == 0 || written.History[^1] != entry)
        {
            throw new InvalidOperationException($"the updated approval would not read back correctly: {check.Problem ?? "state or history differs"}");
        }

        return bytes;
    }
}

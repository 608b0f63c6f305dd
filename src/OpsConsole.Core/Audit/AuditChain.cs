using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace OpsConsole.Core.Audit;

/// <summary>
/// The hash chain of the audit trail. Each event's hash covers a canonical serialization of all its
/// fields plus the previous event's hash, so editing, deleting or reordering any stored event breaks
/// the chain from that event on.
/// </summary>
public static class AuditChain
{
    /// <summary>The fixed value the first event chains from (64 zeros: no predecessor).</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Version tag inside the canonical form, so a future change of the form stays verifiable.</summary>
    private const string FormVersion = "opsconsole-audit@1";

    /// <summary>
    /// The canonical form: a compact JSON array <c>[version, id, at_ticks, type, actor, target, source,
    /// outcome, detail, previous_hash]</c> in UTF-8 (JSON string escaping makes field boundaries unambiguous).
    /// </summary>
    public static byte[] Canonical(AuditEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = false }))
        {
            json.WriteStartArray();
            json.WriteStringValue(FormVersion);
            json.WriteNumberValue(e.Id);
            json.WriteNumberValue(e.AtTicks);
            json.WriteStringValue(e.Type);
            json.WriteStringValue(e.Actor);
            WriteNullable(json, e.Target);
            json.WriteStringValue(e.Source);
            json.WriteStringValue(e.Outcome);
            WriteNullable(json, e.Detail);
            json.WriteStringValue(e.PreviousHash);
            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>SHA-256 of <see cref="Canonical"/>, lowercase hex.</summary>
    public static string ComputeHash(AuditEvent e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    /// <summary>Sets <paramref name="e"/>'s id, previous hash and hash so it follows the event (id, hash) given.</summary>
    public static void Link(AuditEvent e, long previousId, string? previousHash)
    {
        e.Id = previousId + 1;
        e.PreviousHash = previousHash ?? Genesis;
        e.Hash = ComputeHash(e);
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}

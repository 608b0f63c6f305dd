using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
    /// The canonical form: the fields <c>version, id, at_ticks, type, actor, target, source, outcome,
    /// detail, previous_hash</c> in that order, each as a netstring of its UTF-8 bytes
    /// (<c>&lt;byte length&gt;:&lt;bytes&gt;,</c>; numbers in invariant decimal; a null field as <c>~,</c>).
    /// Length prefixes make field boundaries unambiguous, and any language can rebuild it to verify.
    /// </summary>
    public static byte[] Canonical(AuditEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Field(buffer, FormVersion);
        Field(buffer, e.Id.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.AtTicks.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.Type);
        Field(buffer, e.Actor);
        Field(buffer, e.Target);
        Field(buffer, e.Source);
        Field(buffer, e.Outcome);
        Field(buffer, e.Detail);
        Field(buffer, e.PreviousHash);
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

    private static void Field(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            buffer.Write("~,"u8);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        buffer.Write(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":"));
        buffer.Write(bytes);
        buffer.Write(","u8);
    }
}

using System.Text;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Storage;

/// <summary>The secret scan of one file's bytes, and the redacted forms the store hands on.</summary>
public sealed record SecretSweep
{
    /// <summary>
    /// False when the bytes could not be decoded as text (not UTF-8 and no UTF-16/UTF-32 byte order mark):
    /// a secret in them could not be seen, so the file is "not scanned", never clean.
    /// </summary>
    public required bool Scanned { get; init; }

    /// <summary>"UTF-16 LE", "UTF-16 BE", "UTF-32 LE" or "UTF-32 BE" when a byte order mark named another encoding than UTF-8; else null.</summary>
    public string? OtherEncoding { get; init; }

    /// <summary>Every secret found (raw text and decoded values), masked, with its line.</summary>
    public IReadOnlyList<SecretHit> Hits { get; init; } = [];

    /// <summary>The bytes to parse: the JSON with every secret-bearing string masked, or the file's bytes.</summary>
    public required byte[] ParseBytes { get; init; }

    /// <summary>The decoded text with every secret masked (Markdown by block, text by line); null when not decoded.</summary>
    public string? RedactedText { get; init; }
}

/// <summary>
/// Scans one file the way every reader of it could see it: the raw text (after decoding UTF-8, or
/// UTF-16/UTF-32 by byte order mark), every decoded JSON string read with its property name, the plain
/// text of Markdown, and the text with JSON or CSV escapes undone. It also produces the redacted forms
/// the store parses and serves, so the scan and the redaction never disagree.
/// </summary>
public static class ArtifactSecrets
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Scans <paramref name="bytes"/> of the file at <paramref name="relativePath"/> (kind decides the decoded forms).</summary>
    public static SecretSweep Inspect(ArtifactKind kind, string relativePath, byte[] bytes)
    {
        var (text, encoding, decoded) = Decode(bytes);
        var hits = new List<SecretHit>();
        hits.AddRange(SecretScanner.Scan(text));
        var parseBytes = bytes;
        var isJson = ArtifactKinds.SchemaName(kind) is not null || relativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

        // A file without any needle and without an escape cannot hold a secret in any decoded form either.
        // Markdown is always read as rendered: emphasis can split a needle ("**AK**IA…").
        var isMarkdown = relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || kind == ArtifactKind.HandoffDocument;
        var certainlyClean = SecretScanner.CannotHoldSecret(text) && !TextVariants.MayHide(text);
        var redacted = text;
        if (isJson && encoding is null && decoded && !certainlyClean)
        {
            if (!JsonSecrets.TryInspect(ArtifactParser.StripBom(bytes), hits, out var rewritten))
            {
                hits.AddRange(SecretScanner.Scan(TextVariants.JsonUnescaped(text)));
            }
            else if (rewritten is not null)
            {
                parseBytes = rewritten;
            }
        }
        else if (isMarkdown || !certainlyClean)
        {
            redacted = RedactText(isMarkdown ? MarkdownSecrets.Inspect(text, hits) : text, hits);
        }

        return new SecretSweep
        {
            Scanned = decoded,
            OtherEncoding = encoding,
            Hits = Distinct(hits),
            ParseBytes = parseBytes,
            RedactedText = decoded ? redacted : null,
        };
    }

    /// <summary>
    /// Masks every secret in a text: the whole text (so a key block is masked to its END line), then each
    /// line whose JSON- or CSV-unescaped form still holds one. Hits of the unescaped forms are added to <paramref name="hits"/> when given.
    /// </summary>
    internal static string RedactText(string text, List<SecretHit>? hits = null)
    {
        var masked = SecretScanner.MaskAll(text);
        if (!TextVariants.MayHide(masked))
        {
            return masked;
        }

        var lines = masked.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (var undo in TextVariants.All)
            {
                var variant = undo(line);
                if (ReferenceEquals(variant, line))
                {
                    continue;
                }

                var found = SecretScanner.Scan(variant);
                if (found.Count > 0)
                {
                    hits?.AddRange(found.Select(h => h with { Line = i + h.Line }));
                    line = SecretScanner.MaskAll(variant);
                    changed = true;
                }
            }

            lines[i] = line;
        }

        return changed ? string.Join('\n', lines) : masked;
    }

    // The text and the name of a non-UTF-8 encoding (null for UTF-8); decoded is false when the bytes are
    // not valid in the encoding they claim (then the text is a lossy UTF-8 reading, still scanned for ASCII secrets).
    private static (string Text, string? Encoding, bool Decoded) Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        (Encoding? enc, string? name, int bom) = span switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(false, false, true), "UTF-32 LE", 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(true, false, true), "UTF-32 BE", 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, false, true), "UTF-16 LE", 2),
            [0xFE, 0xFF, ..] => ((Encoding?)new UnicodeEncoding(true, false, true), "UTF-16 BE", 2),
            _ => (null, null, 0),
        };
        if (enc is not null)
        {
            try
            {
                return (enc.GetString(span[bom..]), name, true);
            }
            catch (DecoderFallbackException)
            {
                return (Encoding.UTF8.GetString(span), name, false);
            }
        }

        span = ArtifactParser.StripBom(span);
        try
        {
            var text = StrictUtf8.GetString(span);

            // UTF-16 without a byte order mark is valid UTF-8 when its characters are ASCII, with a NUL
            // between them that splits every secret: such a file is not scanned, never clean.
            return (text, null, !span.Contains((byte)0));
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.UTF8.GetString(span), null, false);
        }
    }

    // One value seen by two readings (raw and decoded) or two rules is one hit: the first reading names it.
    private static List<SecretHit> Distinct(List<SecretHit> hits) =>
        hits.Count < 2 ? hits : [.. hits.DistinctBy(h => (h.Line, h.Masked)).OrderBy(h => h.Line)];
}

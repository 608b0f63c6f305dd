using System.Globalization;
using System.Net;
using System.Text;

namespace OpsConsole.Core.Storage;

/// <summary>
/// The ways a text can hide a secret from a plain scan while a reader still sees it: JSON string escapes
/// (<c>\"</c>, <c>\u0027</c>), CSV doubled quotes and HTML entities. Each undo returns its input unchanged
/// (the same instance) when there is nothing to undo.
/// </summary>
internal static class TextVariants
{
    /// <summary>Every undo, applied in this order.</summary>
    public static readonly Func<string, string>[] All = [JsonUnescaped, CsvUnquoted, HtmlDecoded];

    /// <summary>True when the text holds an escape any undo would change.</summary>
    public static bool MayHide(string text) =>
        text.Contains('\\', StringComparison.Ordinal) || text.Contains("\"\"", StringComparison.Ordinal) || text.Contains('&', StringComparison.Ordinal);

    /// <summary>Undoes JSON string escapes leniently (works on broken JSON too); <c>\n</c> becomes a space so lines stay lines.</summary>
    public static string JsonUnescaped(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                result.Append(c);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n' or 'r' or 't':
                    result.Append(' ');
                    break;
                case 'u' when i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    result.Append((char)code);
                    i += 4;
                    break;
                default:
                    // \" \' \\ \/ and a shell or Markdown escape such as \= stand for the character itself.
                    result.Append(next);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>Undoes CSV quote doubling (<c>""</c> → <c>"</c>).</summary>
    public static string CsvUnquoted(string text) =>
        text.Contains("\"\"", StringComparison.Ordinal) ? text.Replace("\"\"", "\"", StringComparison.Ordinal) : text;

    /// <summary>Decodes HTML entities (<c>&amp;#61;</c> → <c>=</c>).</summary>
    public static string HtmlDecoded(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var decoded = WebUtility.HtmlDecode(text);
        return decoded == text ? text : decoded;
    }
}

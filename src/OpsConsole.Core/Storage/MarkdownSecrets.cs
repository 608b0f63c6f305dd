using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using OpsConsole.Core.Handoff;

namespace OpsConsole.Core.Storage;

/// <summary>
/// Scans Markdown as a reader sees it: the plain text of each block, where escapes (<c>NETBOX_WRITE_TOKEN\=…</c>),
/// emphasis (<c>Authorization: **Bearer** …</c>), entities and inline tags no longer split a secret. A block
/// whose plain text holds a secret is replaced in the source by its masked plain text, so the rendered
/// page cannot show it.
/// </summary>
internal static partial class MarkdownSecrets
{
    /// <summary>Adds the hits found in the plain text of <paramref name="markdown"/>; returns the source with those blocks masked.</summary>
    public static string Inspect(string markdown, List<SecretHit> hits)
    {
        var doc = Markdown.Parse(markdown, HandoffDocument.Pipeline);
        List<(int Start, int End, string Text)>? replace = null;
        foreach (var block in doc.Descendants<LeafBlock>())
        {
            if (block.Inline is null)
            {
                continue; // code blocks hold their text literally: the source scan sees it as shown
            }

            var plain = PlainText(block.Inline);
            var shown = plain.Contains('<', StringComparison.Ordinal) ? Tag().Replace(plain, "") : plain;
            var found = SecretScanner.Scan(plain);
            var text = plain;
            if (found.Count == 0 && !ReferenceEquals(shown, plain))
            {
                found = SecretScanner.Scan(shown);
                text = shown;
            }

            if (found.Count == 0)
            {
                continue;
            }

            hits.AddRange(found.Select(h => h with { Line = block.Line + h.Line }));
            var masked = SecretScanner.MaskAll(text).ReplaceLineEndings(" ");
            if (block is HeadingBlock heading)
            {
                masked = new string('#', heading.Level) + " " + masked;
            }

            (replace ??= []).Add((block.Span.Start, Math.Min(block.Span.End, markdown.Length - 1), masked));
        }

        if (replace is null)
        {
            return markdown;
        }

        var result = new StringBuilder(markdown);
        foreach (var (start, end, text) in replace.OrderByDescending(r => r.Start))
        {
            result.Remove(start, end - start + 1).Insert(start, text);
        }

        return result.ToString();
    }

    private static string PlainText(ContainerInline inline)
    {
        var text = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline l:
                    text.Append(l.Content.AsSpan());
                    break;
                case CodeInline c:
                    text.Append(c.Content);
                    break;
                case HtmlEntityInline e:
                    text.Append(e.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case AutolinkInline a:
                    text.Append(a.Url);
                    break;
                case LinkInline { Url: { Length: > 0 } url }:
                    // The target is shown on hover and followed on click: scan it as part of the text.
                    text.Append(' ').Append(url).Append(' ');
                    break;
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("<[^<>\r\n]{1,60}>")]
    private static partial Regex Tag();
}

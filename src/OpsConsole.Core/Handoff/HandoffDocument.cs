using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.GenericAttributes;
using Markdig.Extensions.MediaLinks;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace OpsConsole.Core.Handoff;

/// <summary>One "main section" of a handoff document: an h2 heading and its anchor id.</summary>
/// <param name="Title">Heading text (plain).</param>
/// <param name="Anchor">The id the rendered heading carries, for <c>#anchor</c> links.</param>
public sealed record HandoffSection(string Title, string Anchor);

/// <summary>
/// A Markdown handoff document (<c>handoff/*.md</c>) parsed for the console: header facts (title,
/// date, status, version — English or Portuguese labels), its h2 sections, its task-list counts, the
/// console routes it names, and safe HTML. Raw HTML in the Markdown is not rendered (shown as text),
/// generic attributes are not honoured, and link targets other than http(s), mailto, relative paths
/// and anchors are dropped, so a document cannot inject script into the page.
/// </summary>
public sealed partial class HandoffDocument
{
    /// <summary>The pipeline handoff documents are rendered with (the secret scan reads Markdown the same way).</summary>
    internal static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private HandoffDocument()
    {
    }

    /// <summary>File name without <c>.md</c>; the page route id.</summary>
    public required string Name { get; init; }

    /// <summary>The first level-1 heading, or the file name when there is none.</summary>
    public required string Title { get; init; }

    /// <summary>The <c>**Date:**</c> / <c>**Data:**</c> value as written.</summary>
    public string? DateText { get; init; }

    /// <summary><see cref="DateText"/> when it starts with an ISO date (yyyy-MM-dd).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The <c>**Status:**</c> / <c>**Situação:**</c> value as written.</summary>
    public string? Status { get; init; }

    /// <summary>The <c>**Version:**</c> / <c>**Versão:**</c> value as written.</summary>
    public string? Version { get; init; }

    /// <summary>"pt-BR" when the header uses Portuguese labels, "en" otherwise.</summary>
    public required string Language { get; init; }

    /// <summary>The h2 headings, in order ("main sections").</summary>
    public required IReadOnlyList<HandoffSection> Sections { get; init; }

    /// <summary>Task-list items (<c>- [ ]</c> / <c>- [x]</c>) in the document.</summary>
    public required int TasksTotal { get; init; }

    /// <summary>Task-list items that are checked.</summary>
    public required int TasksDone { get; init; }

    /// <summary>Absolute console-looking paths the document names (e.g. <c>/approval-queue</c>), in order of appearance, distinct.</summary>
    public required IReadOnlyList<string> NamedRoutes { get; init; }

    /// <summary>The rendered, neutralised HTML body, without the title heading (no h1: the page shows the title).</summary>
    public required string Html { get; init; }

    /// <summary>Parses <paramref name="markdown"/>, the content of <c>handoff/&lt;name&gt;.md</c>.</summary>
    public static HandoffDocument Parse(string name, string markdown)
    {
        var doc = Markdown.Parse(markdown, Pipeline);
        NeutraliseLinks(doc);

        var headings = doc.Descendants<HeadingBlock>().ToList();
        var title = headings.FirstOrDefault(h => h.Level == 1) is { } h1 ? PlainText(h1.Inline) : name;
        var sections = headings.Where(h => h.Level == 2)
            .Select(h => new HandoffSection(PlainText(h.Inline), h.GetAttributes().Id ?? ""))
            .ToList();
        var tasks = doc.Descendants<TaskList>().ToList();

        // A task's read-only checkbox is named by its item text, so assistive technology reads "checkbox, checked, <task>".
        foreach (var task in tasks)
        {
            var label = PlainText(task.Parent).Trim();
            if (label.Length > 0)
            {
                task.GetAttributes().AddProperty("aria-label", label);
            }
        }

        // The title becomes the page's one h1: drop it from the body and demote any other h1.
        foreach (var h in headings.Where(h => h.Level == 1))
        {
            if (h.Parent == doc && h == headings.First(x => x.Level == 1))
            {
                doc.Remove(h);
            }
            else
            {
                h.Level = 2;
            }
        }

        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        var portuguese = false;
        foreach (Match m in HeaderFact().Matches(markdown))
        {
            var label = m.Groups["label"].Value;
            var key = label switch
            {
                "Date" or "Data" => "date",
                "Status" or "Situação" or "Estado" => "status",
                _ => "version",
            };
            portuguese |= label is "Data" or "Situação" or "Estado" or "Versão";
            facts.TryAdd(key, m.Groups["value"].Value.Trim());
        }

        var dateText = facts.GetValueOrDefault("date");
        DateOnly? date = dateText is not null && IsoDate().Match(dateText) is { Success: true } dm
            && DateOnly.TryParseExact(dm.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        return new HandoffDocument
        {
            Name = name,
            Title = string.IsNullOrWhiteSpace(title) ? name : title,
            DateText = dateText,
            Date = date,
            Status = facts.GetValueOrDefault("status"),
            Version = facts.GetValueOrDefault("version"),
            Language = portuguese ? "pt-BR" : "en",
            Sections = sections,
            TasksTotal = tasks.Count,
            TasksDone = tasks.Count(t => t.Checked),
            NamedRoutes = [.. RoutePattern().Matches(markdown).Select(m => m.Value.TrimEnd('/')).Distinct(StringComparer.Ordinal)],
            Html = Markdown.ToHtml(doc, Pipeline),
        };
    }

    /// <summary>True when <paramref name="url"/> may stay a link: http(s), mailto, a relative path or an anchor.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon))
        {
            return true;
        }

        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    /// <summary>True when <paramref name="url"/> stays on this site: no scheme and not protocol-relative.</summary>
    public static bool IsRelativeUrl(string? url)
    {
        if (!IsSafeUrl(url))
        {
            return false;
        }

        var compact = new string(url!.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray()).Replace('\\', '/');
        var colon = compact.IndexOf(':');
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        return !compact.StartsWith("//", StringComparison.Ordinal) && (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon));
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml();

        // "{onclick=...}" after a heading or link would otherwise become an attribute.
        builder.Extensions.TryRemove<GenericAttributesExtension>();

        // Video links would become <iframe>s to outside hosts; the console embeds nothing external.
        builder.Extensions.TryRemove<MediaLinkExtension>();
        return builder.Build();
    }

    private static void NeutraliseLinks(MarkdownDocument doc)
    {
        foreach (var link in doc.Descendants<LinkInline>())
        {
            // Images are embedded, not followed: only same-site relative sources (no tracking pixels).
            if (!IsSafeUrl(link.Url) || (link.IsImage && !IsRelativeUrl(link.Url)))
            {
                link.Url = link.IsImage ? "" : "#";
                link.Title = null;
            }
        }

        foreach (var auto in doc.Descendants<AutolinkInline>())
        {
            if (!auto.IsEmail && !IsSafeUrl(auto.Url))
            {
                auto.Url = "#";
            }
        }
    }

    private static string PlainText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline l:
                    text.Append(l.Content.ToString());
                    break;
                case CodeInline c:
                    text.Append(c.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString().Trim();
    }

    [GeneratedRegex(@"^\s*\*\*(?<label>Date|Data|Status|Situação|Estado|Version|Versão):\*\*[ \t]*(?<value>[^\r\n]+)", RegexOptions.Multiline)]
    private static partial Regex HeaderFact();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    // "/approval-queue", "/controlled-operation/cycle-002/week1" — not URLs ("http://x/y"), not file paths ("a/b").
    [GeneratedRegex(@"(?<![\w/.:~-])/[a-z][a-z0-9-]*(?:/[A-Za-z0-9{}._-]+)*")]
    private static partial Regex RoutePattern();
}

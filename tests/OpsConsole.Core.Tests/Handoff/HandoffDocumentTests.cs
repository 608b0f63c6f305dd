using OpsConsole.Core.Handoff;

namespace OpsConsole.Core.Tests.Handoff;

public sealed class HandoffDocumentTests
{
    private const string English = """
        # Operational Handoff Package

        **Date:** 2026-04-29
        **Status:** Ready for NOC/Operations team
        **Version:** 1.0

        ## Executive Summary

        Go to /approval-queue and /approval-timeline/{id}; see https://example.org/docs and docs/47-runbook.md.

        ## Daily Checklist

        - [x] Open dashboard
        - [ ] Review /approval-queue
        - [x] Check /controlled-operation/cycle-002/week1

        ## References

        **Date:** 2026-05-01
        """;

    [Fact]
    public void Header_facts_come_from_the_first_heading_and_bold_label_lines()
    {
        var doc = HandoffDocument.Parse("noc", English);

        Assert.Equal("Operational Handoff Package", doc.Title);
        Assert.Equal(new DateOnly(2026, 4, 29), doc.Date);
        Assert.Equal("Ready for NOC/Operations team", doc.Status);
        Assert.Equal("1.0", doc.Version);
        Assert.Equal("en", doc.Language);
    }

    [Fact]
    public void Portuguese_header_labels_are_understood()
    {
        var doc = HandoffDocument.Parse("runbook", "# Runbook operacional\n\n**Data:** 2026-05-02\n**Situação:** Em revisão\n**Versão:** 2.1\n\n## Seção\n");

        Assert.Equal("Runbook operacional", doc.Title);
        Assert.Equal(new DateOnly(2026, 5, 2), doc.Date);
        Assert.Equal("Em revisão", doc.Status);
        Assert.Equal("2.1", doc.Version);
        Assert.Equal("pt-BR", doc.Language);
    }

    [Fact]
    public void Main_sections_are_the_h2_headings_with_their_anchor_ids()
    {
        var doc = HandoffDocument.Parse("noc", English);

        Assert.Equal(["Executive Summary", "Daily Checklist", "References"], doc.Sections.Select(s => s.Title));
        Assert.Equal("executive-summary", doc.Sections[0].Anchor);
        Assert.Contains("id=\"daily-checklist\"", doc.Html);
    }

    [Fact]
    public void Task_list_counts_done_and_total_and_checkboxes_render_disabled()
    {
        var doc = HandoffDocument.Parse("noc", English);

        Assert.Equal(3, doc.TasksTotal);
        Assert.Equal(2, doc.TasksDone);
        Assert.Contains("disabled", doc.Html);
        Assert.DoesNotContain("<input type=\"checkbox\" />", doc.Html);
    }

    [Fact]
    public void Each_task_checkbox_is_named_by_its_task_text()
    {
        var doc = HandoffDocument.Parse("noc", English);

        Assert.Contains("aria-label=\"Open dashboard\"", doc.Html);
        Assert.Contains("aria-label=\"Review /approval-queue\"", doc.Html);
    }

    [Fact]
    public void Named_routes_are_absolute_console_paths_not_urls_or_relative_files()
    {
        var doc = HandoffDocument.Parse("noc", English);

        Assert.Equal(["/approval-queue", "/approval-timeline/{id}", "/controlled-operation/cycle-002/week1"], doc.NamedRoutes);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_never_as_a_script()
    {
        var doc = HandoffDocument.Parse("x", "# T\n\n<script>alert('x')</script>\n\nText <img src=x onerror=alert(1)> inline.\n");

        Assert.DoesNotContain("<script", doc.Html);
        Assert.DoesNotContain("<img", doc.Html);
        Assert.Contains("&lt;script&gt;", doc.Html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void Dangerous_link_targets_do_not_survive(string markdown)
    {
        var doc = HandoffDocument.Parse("x", markdown);

        Assert.DoesNotContain("javascript:", doc.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", doc.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", doc.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Generic_attributes_cannot_add_event_handlers()
    {
        var doc = HandoffDocument.Parse("x", "## Heading {onclick=\"alert(1)\"}\n\n[link](/devices){onmouseover=alert(1)}\n");

        // The braces stay visible as text; no tag gains an on* attribute.
        Assert.DoesNotMatch(@"<[^>]*\son\w+\s*=", doc.Html);
        Assert.Contains("{onclick=", doc.Html);
    }

    [Fact]
    public void Video_links_do_not_become_iframes()
    {
        var doc = HandoffDocument.Parse("x", "![demo](https://www.youtube.com/watch?v=dQw4w9WgXcQ)");

        Assert.DoesNotContain("<iframe", doc.Html);
    }

    [Theory]
    [InlineData("![pixel](https://evil.example/pixel.png)")]
    [InlineData("![pixel](//evil.example/pixel.png)")]
    [InlineData("![pixel](http://10.0.0.1/pixel.png)")]
    public void Images_from_other_hosts_are_not_embedded(string markdown)
    {
        var doc = HandoffDocument.Parse("x", markdown);

        Assert.DoesNotContain("evil.example", doc.Html);
        Assert.DoesNotContain("10.0.0.1", doc.Html);
    }

    [Fact]
    public void Same_site_images_are_embedded()
    {
        var doc = HandoffDocument.Parse("x", "![logo](/favicon.ico)");

        Assert.Contains("src=\"/favicon.ico\"", doc.Html);
    }

    [Fact]
    public void Safe_links_stay_links()
    {
        var doc = HandoffDocument.Parse("x", "[queue](/approval-queue) [site](https://example.org) [top](#top) [mail](mailto:noc@example.org)");

        Assert.Contains("href=\"/approval-queue\"", doc.Html);
        Assert.Contains("href=\"https://example.org\"", doc.Html);
        Assert.Contains("href=\"#top\"", doc.Html);
        Assert.Contains("href=\"mailto:noc@example.org\"", doc.Html);
    }

    [Fact]
    public void The_title_heading_leaves_the_body_and_later_h1s_become_h2s()
    {
        var doc = HandoffDocument.Parse("x", "# Title\n\nIntro\n\n# Second part\n\ntext\n");

        Assert.Equal("Title", doc.Title);
        Assert.DoesNotContain("<h1", doc.Html);
        Assert.DoesNotContain(">Title<", doc.Html);
        Assert.Contains(">Second part</h2>", doc.Html);
    }

    [Fact]
    public void A_document_without_a_title_heading_uses_its_file_name()
    {
        var doc = HandoffDocument.Parse("notes", "just text");

        Assert.Equal("notes", doc.Title);
        Assert.Null(doc.Date);
        Assert.Empty(doc.Sections);
    }
}

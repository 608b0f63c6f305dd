using System.Net;
using System.Text.RegularExpressions;

namespace OpsConsole.Web.Tests.Handoff;

public sealed class HandoffPagesTests(StopsFactory factory) : IClassFixture<StopsFactory>
{
    [Fact]
    public async Task The_list_shows_title_version_status_and_date_parsed_from_each_document()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/handoff?culture=en");

        Assert.Contains("<h1>Handoff documents</h1>", html);
        Assert.Contains("<a href=\"/handoff/noc-handoff\" lang=\"en\">Operational Handoff Package</a>", html);
        Assert.Contains("Ready for NOC/Operations team", html);
        Assert.Contains("datetime=\"2026-04-29T00:00:00", html);
        Assert.Contains("2 of 4 tasks done", html);
        Assert.Contains("<a href=\"/handoff/runbook-operacional\" lang=\"pt-BR\">Runbook operacional do NOC</a>", html);
        Assert.Contains("Em revisão", html);
        Assert.Contains("2.1", html);
    }

    [Fact]
    public async Task The_list_speaks_portuguese_and_marks_the_quarantined_document()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/handoff?culture=pt-BR");

        Assert.Contains("<h1>Documentos de passagem de turno</h1>", html);
        Assert.Contains("2 de 4 tarefas concluídas", html);
        Assert.Contains("/handoff/leaked-notes", html);
        Assert.Contains("Em quarentena", html);
    }

    [Fact]
    public async Task A_script_in_the_markdown_is_shown_as_text_and_javascript_links_do_not_survive()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/handoff/noc-handoff");

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert('handoff-xss')&lt;/script&gt;", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"/approval-queue\">the queue</a>", html);
    }

    [Fact]
    public async Task The_document_page_has_one_h1_main_sections_and_read_only_task_checkboxes()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/handoff/noc-handoff?culture=en");

        Assert.Single(Regex.Matches(html, "<h1[ >]"));
        Assert.Contains("Main sections", html);
        Assert.Contains("<a href=\"#executive-summary\">Executive Summary</a>", html);
        Assert.Contains("<a href=\"#daily-checklist\">Daily Checklist</a>", html);
        Assert.Contains("id=\"daily-checklist\"", html);
        var boxes = Regex.Matches(html, "<input[^>]*type=\"checkbox\"[^>]*>").Select(m => m.Value).ToList();
        Assert.Equal(4, boxes.Count);
        Assert.All(boxes, b => Assert.Contains("disabled", b));
        Assert.Contains("2 of 4 tasks done", html);
    }

    [Fact]
    public async Task The_download_button_serves_the_markdown_file()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/handoff/noc-handoff?culture=pt-BR");
        Assert.Contains("<a class=\"button\" href=\"/download?path=handoff%2Fnoc-handoff.md\">Baixar pacote</a>", html);

        var response = await client.GetAsync("/download?path=handoff%2Fnoc-handoff.md");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Related_links_name_other_documents_and_only_routes_this_console_has()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/handoff/noc-handoff?culture=en");
        var related = html[html.IndexOf("id=\"related-title\"", StringComparison.Ordinal)..];

        Assert.Contains("<a href=\"/approval-queue\">Approval Queue</a>", related);
        Assert.Contains("<a href=\"/controlled-operation\">Controlled Operation</a>", related);
        Assert.DoesNotContain("href=\"/approval-timeline", related);
        Assert.DoesNotContain("href=\"/not-a-console-page", related);
        Assert.Contains("<a href=\"/handoff/runbook-operacional\" lang=\"pt-BR\">Runbook operacional do NOC</a>", related);
    }

    [Fact]
    public async Task A_portuguese_headed_document_renders_with_its_language_and_portuguese_chrome()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/handoff/runbook-operacional?culture=pt-BR");

        Assert.Contains("<h1 lang=\"pt-BR\">Runbook operacional do NOC</h1>", html);
        Assert.Contains("<article class=\"markdown\" lang=\"pt-BR\">", html);
        Assert.Contains("Seções principais", html);
        Assert.Contains("<a href=\"#rotina-diaria\">Rotina diária</a>", html);
        Assert.Contains("1 de 2 tarefas concluídas", html);
        Assert.Contains("<a href=\"/incidents\">Incidentes</a>", html);
    }

    [Fact]
    public async Task A_quarantined_document_keeps_its_facts_but_never_its_content()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/handoff/leaked-notes?culture=en");

        Assert.Contains("handoff/leaked-notes.md", html);
        Assert.Contains("A secret-looking token was found in this file", html);
        Assert.Contains("revoke the token in NetBox", html);
        Assert.Contains("Hx7k••••••••", html);
        Assert.DoesNotContain("curl", html);
        Assert.DoesNotContain("download?path=handoff%2Fleaked-notes.md", html);
        Assert.DoesNotContain("<article", html);
    }

    [Theory]
    [InlineData("/handoff/no-such-doc")]
    [InlineData("/handoff/..%2Fdevices")]
    [InlineData("/handoff/noc-handoff.md")]
    [InlineData("/handoff/.hidden")]
    public async Task Unknown_or_malformed_document_names_are_not_found(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

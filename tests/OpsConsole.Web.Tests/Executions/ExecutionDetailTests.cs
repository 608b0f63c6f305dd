using System.Net;
using System.Text.RegularExpressions;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Executions;

public sealed partial class ExecutionDetailTests(ExecutionsFactory factory) : IClassFixture<ExecutionsFactory>
{
    private const string AttemptUrl = "/executions/" + ExecutionsFactory.AttemptLog;

    [Theory]
    [InlineData("en", "Execution log cycle-002-real-write-attempt.log", "Error line", "Jump to the first error (line 5)")]
    [InlineData("pt-BR", "Log de execução cycle-002-real-write-attempt.log", "Linha de erro", "Ir para o primeiro erro (linha 5)")]
    public async Task A_log_shows_numbered_lines_with_errors_and_warnings_marked(string culture, string heading, string errorLabel, string jump)
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, AttemptUrl + "?culture=" + culture);

        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.Equal(["L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8"], LineIds(html));
        Assert.Equal(["L5", "L6"], MarkedLines(html, "log-error"));
        Assert.Equal(["L7"], MarkedLines(html, "log-warn"));
        Assert.Contains(errorLabel, html);
        Assert.Contains(jump, Page.Text(html), StringComparison.Ordinal);
        Assert.Contains("data-status=\"blocked\"", html);
    }

    [Fact]
    public async Task The_jump_link_lands_on_the_page_holding_the_first_error()
    {
        var client = await factory.CreateReadyClientAsync();
        var first = await Page.HtmlAsync(client, AttemptUrl + "?size=2");

        var href = WebUtility.HtmlDecode(JumpLink().Match(first).Groups[1].Value);
        var landed = await Page.HtmlAsync(client, href);

        Assert.EndsWith("#L5", href, StringComparison.Ordinal);
        Assert.Equal(["L1", "L2"], LineIds(first));
        Assert.Equal(["L5", "L6"], LineIds(landed));
    }

    [Fact]
    public async Task The_q_filter_is_a_plain_get_form_and_shows_only_matching_lines()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, AttemptUrl + "?q=preflight");

        Assert.Matches("<form method=\"get\"[^>]*>\\s*<label>[^<]*<input type=\"search\" name=\"q\" value=\"preflight\"", html);
        Assert.Equal(["L2", "L3", "L4", "L5", "L6", "L7"], LineIds(html));
        Assert.Contains("6 line(s) contain", Page.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_final_validation_report_shows_its_results_as_tables_and_its_log()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/executions/" + ExecutionsFactory.Week1Report);
        var text = Page.Text(html);

        Assert.Contains("<code>checks</code>", html);
        Assert.Contains("<code>batches</code>", html);
        Assert.Contains("incident-follow-up", text, StringComparison.Ordinal);
        Assert.Contains("data-status=\"warn\"", html);
        Assert.Contains("href=\"/executions/" + ExecutionsFactory.Week1Log + "\"", html);
        Assert.Contains("href=\"/batch-results/BATCH-2026-0101\"", html);
        Assert.Contains("data-status=\"passed\"", html);
    }

    [Fact]
    public async Task A_log_holding_a_secret_shows_masked_findings_and_never_the_secret()
    {
        var client = await factory.CreateReadyClientAsync();

        var pages = new[] { "/executions/" + ExecutionsFactory.LeakyLog, "/executions/" + ExecutionsFactory.LeakyLog + "?q=NETBOX", "/executions",
            "/executions?format=csv", "/executions?format=json" };
        var bodies = await Task.WhenAll(pages.Select(p => client.GetStringAsync(p)));
        var detail = bodies[0];

        Assert.All(bodies, b => Assert.DoesNotContain(ExecutionsFactory.Secret[..5], b, StringComparison.Ordinal));
        Assert.Contains("Quarantined", detail);
        Assert.Contains("line 2", detail);
        Assert.Contains("Zq9x•", detail);
        Assert.Empty(LineIds(detail));
        Assert.DoesNotContain("/download?path=executions%2Fleaky-run.log", detail);
    }

    [Fact]
    public async Task The_gate_evidence_links_to_the_execution_page_which_links_back()
    {
        var client = await factory.CreateReadyClientAsync();
        const string gate = "/controlled-operation/cycle-002/applyplan/real-write-attempt";

        var gatePage = await Page.HtmlAsync(client, gate);
        var execution = await Page.HtmlAsync(client, AttemptUrl);

        Assert.Contains($"href=\"{AttemptUrl}\"", gatePage);
        Assert.Contains($"href=\"{gate}\"", execution);
        Assert.Contains("href=\"/batch-results/BATCH-2026-0107\"", execution);
        Assert.Contains("href=\"/service-engagement/4WNET-MNS-KTG-RX\"", execution);
        Assert.Contains("href=\"/controlled-operation/cycle-002\"", execution);
    }

    [Fact]
    public async Task The_batch_run_and_the_engagement_device_page_link_to_their_execution_pages()
    {
        var client = await factory.CreateReadyClientAsync();

        var batch = await Page.HtmlAsync(client, "/batch-results/BATCH-2026-0107");
        var device = await Page.HtmlAsync(client, "/service-engagement/4WNET-MNS-KTG-RX");

        Assert.Contains($"href=\"{AttemptUrl}\"", batch);
        Assert.Contains("href=\"/executions/" + ExecutionsFactory.Week1Log + "\"", device);
    }

    [Fact]
    public async Task Every_related_link_of_an_execution_page_answers_200()
    {
        var client = await factory.CreateReadyClientAsync();
        var html = await Page.HtmlAsync(client, AttemptUrl) + await Page.HtmlAsync(client, "/executions/" + ExecutionsFactory.Week1Report);

        var related = Regex.Matches(html, "<nav class=\"panel related\".*?</nav>", RegexOptions.Singleline)
            .SelectMany(m => Regex.Matches(m.Value, "href=\"([^\"]+)\"").Select(h => WebUtility.HtmlDecode(h.Groups[1].Value))).Distinct().ToList();

        Assert.True(related.Count >= 8, string.Join(", ", related));
        foreach (var href in related)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).StatusCode);
        }
    }

    private static List<string> LineIds(string html) => [.. LineRow().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> MarkedLines(string html, string status) =>
        [.. LineRowWithBody().Matches(html).Where(m => m.Groups[2].Value.Contains($"data-status=\"{status}\"", StringComparison.Ordinal)).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr id=\"(L\\d+)\"")]
    private static partial Regex LineRow();

    [GeneratedRegex("<tr id=\"(L\\d+)\"(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex LineRowWithBody();

    [GeneratedRegex("<a class=\"jump-error\" href=\"([^\"]+)\"")]
    private static partial Regex JumpLink();
}

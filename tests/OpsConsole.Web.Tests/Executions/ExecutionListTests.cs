using System.Net;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Executions;

public sealed class ExecutionListTests(ExecutionsFactory factory) : IClassFixture<ExecutionsFactory>
{
    [Theory]
    [InlineData("en", "Executions", "Blocked", "Final validation report")]
    [InlineData("pt-BR", "Execuções", "Bloqueado", "Relatório de validação final")]
    public async Task The_list_shows_every_log_and_report_with_its_outcome_in_both_languages(string culture, string heading, string blocked, string reportKind)
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/executions?culture=" + culture);
        var rows = Page.BodyRows(html);

        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.Equal(5, rows.Count);
        var attempt = Assert.Single(rows, r => r.Contains(ExecutionsFactory.AttemptLog, StringComparison.Ordinal));
        Assert.Contains(blocked, attempt, StringComparison.Ordinal);
        Assert.Contains("cycle-002", attempt, StringComparison.Ordinal);
        Assert.Contains("BATCH-2026-0107", attempt, StringComparison.Ordinal);
        Assert.Contains(reportKind, Assert.Single(rows, r => r.Contains(ExecutionsFactory.Week1Report, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("href=\"/executions/" + ExecutionsFactory.AttemptLog + "\"", html);
    }

    [Fact]
    public async Task An_unreadable_report_is_unknown_with_its_reason_never_passed()
    {
        var client = await factory.CreateReadyClientAsync();

        var row = Assert.Single(Page.BodyRows(await Page.HtmlAsync(client, "/executions?kind=report")),
            r => r.Contains(ExecutionsFactory.BrokenReport, StringComparison.Ordinal));
        var detail = await Page.HtmlAsync(client, "/executions/" + ExecutionsFactory.BrokenReport);

        Assert.Contains("Unknown", row, StringComparison.Ordinal);
        Assert.Contains("Unreadable:", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Passed", row, StringComparison.Ordinal);
        Assert.Contains("data-status=\"unknown\"", detail);
        Assert.Contains("Unreadable:", Page.Text(detail), StringComparison.Ordinal);
        Assert.DoesNotContain("data-status=\"passed\"", detail);
    }

    [Theory]
    [InlineData("/executions?outcome=blocked", new[] { ExecutionsFactory.AttemptLog })]
    [InlineData("/executions?outcome=passed", new[] { ExecutionsFactory.Week1Report })]
    [InlineData("/executions?batch=BATCH-2026-0101", new[] { ExecutionsFactory.Week1Report, ExecutionsFactory.Week1Log })]
    [InlineData("/executions?cycle=cycle-002&kind=log", new[] { ExecutionsFactory.AttemptLog })]
    [InlineData("/executions?device=K3G-KTG-CORE-RT01", new[] { ExecutionsFactory.Week1Report })]
    [InlineData("/executions?q=leaky", new[] { ExecutionsFactory.LeakyLog })]
    public async Task Filters_by_url_select_the_matching_files(string url, string[] expected)
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = Page.BodyRows(await Page.HtmlAsync(client, url));

        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(r => r.Split(' ')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Exports_hold_exactly_the_rows_shown_with_outcome_and_subjects()
    {
        var client = await factory.CreateReadyClientAsync();

        var shown = Page.BodyRows(await Page.HtmlAsync(client, "/executions?kind=log&size=2"));
        var json = await Page.JsonRowsAsync(client, "/executions?kind=log&size=2");
        var csv = await client.GetAsync("/executions?kind=log&size=2&format=csv");
        var all = await Page.JsonRowsAsync(client, "/executions");

        Assert.Equal(2, json.Count);
        Assert.Equal(shown.Select(r => r.Split(' ')[0]), json.Select(r => r["name"]));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("name,kind,time,outcome,concerns,size,summary,path,problem", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var attempt = Assert.Single(all, r => r["name"] == ExecutionsFactory.AttemptLog);
        Assert.Equal("blocked", attempt["outcome"]);
        Assert.Contains("batch:BATCH-2026-0107", attempt["concerns"], StringComparison.Ordinal);
        Assert.Equal("unknown", Assert.Single(all, r => r["name"] == ExecutionsFactory.BrokenReport)["outcome"]);
    }

    [Theory]
    [InlineData("/executions/no-such-run.log")]
    [InlineData("/executions/devices.json")]
    [InlineData("/executions/..%2Fdevices.json")]
    [InlineData("/executions/run.txt")]
    public async Task A_name_that_is_not_an_indexed_execution_file_is_404(string url)
    {
        var client = await factory.CreateReadyClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }
}

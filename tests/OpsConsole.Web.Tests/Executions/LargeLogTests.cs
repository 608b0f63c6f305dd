using System.Globalization;
using System.Text.RegularExpressions;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Executions;

/// <summary>A 50 MB log: its page answers with only the requested lines (the time it takes is measured in bench/, not here).</summary>
public sealed partial class LargeLogTests(LargeLogFactory factory) : IClassFixture<LargeLogFactory>
{
    private const string Url = "/executions/" + LargeLogFactory.Name;

    [Fact]
    public async Task The_first_page_holds_only_the_first_lines_and_counts_them_all()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, Url);
        var ids = LineIds(html);

        Assert.True(new FileInfo(Path.Combine(factory.Root, "executions", LargeLogFactory.Name)).Length > 50_000_000);
        Assert.Equal(Enumerable.Range(1, 200).Select(n => "L" + n), ids);
        Assert.Contains(LargeLogFactory.Lines.ToString("N0", CultureInfo.InvariantCulture), Page.Text(html), StringComparison.Ordinal);
        Assert.True(html.Length < 400_000, $"the page is {html.Length:N0} characters");
    }

    [Fact]
    public async Task A_page_deep_in_the_log_and_the_first_error_are_reached_by_paging()
    {
        var client = await factory.CreateReadyClientAsync();

        var deep = LineIds(await Page.HtmlAsync(client, Url + "?size=50&page=3000"));
        var jump = await Page.HtmlAsync(client, Url + "?from=" + LargeLogFactory.ErrorLine.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(Enumerable.Range(149_951, 50).Select(n => "L" + n), deep);
        Assert.Contains($"id=\"L{LargeLogFactory.ErrorLine}\" class=\"log-line log-bad\"", jump);
        Assert.Contains("the device refused the change", jump);
    }

    [Fact]
    public async Task The_list_shows_it_as_unknown_and_too_large_to_summarise_but_links_its_page()
    {
        var client = await factory.CreateReadyClientAsync();

        var row = Assert.Single(Page.BodyRows(await Page.HtmlAsync(client, "/executions?q=huge")));

        Assert.Contains("Unknown", row, StringComparison.Ordinal);
        Assert.Contains("too large to summarise", row, StringComparison.Ordinal);
    }

    private static List<string> LineIds(string html) => [.. LineRow().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr id=\"(L\\d+)\"")]
    private static partial Regex LineRow();
}

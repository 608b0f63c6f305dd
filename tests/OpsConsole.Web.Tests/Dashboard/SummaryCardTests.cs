using System.Net;
using System.Text.RegularExpressions;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Dashboard;

public sealed partial class SummaryCardTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
{
    private static Dictionary<string, (string Href, int Number)> Cards(string html) =>
        CardLink().Matches(html).ToDictionary(
            m => m.Groups["card"].Value,
            m => (WebUtility.HtmlDecode(m.Groups["href"].Value), int.Parse(TrailingNumber().Match(Page.Text(m.Groups["text"].Value)).Value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Every_card_number_equals_the_row_count_of_the_list_it_links_to()
    {
        var client = await factory.CreateReadyClientAsync();
        var cards = Cards(await Page.HtmlAsync(client, "/"));

        Assert.True(cards.Count >= 14, $"only {cards.Count} cards found");
        foreach (var (name, (href, number)) in cards)
        {
            var rows = await Page.JsonRowsAsync(client, href + (href.Contains('?') ? "&" : "?") + "size=200");
            Assert.True(number == rows.Count, $"card {name} shows {number} but {href} lists {rows.Count}");
        }
    }

    [Fact]
    public async Task Cards_show_the_fixture_numbers()
    {
        var client = await factory.CreateReadyClientAsync();
        var html = await Page.HtmlAsync(client, "/");
        var cards = Cards(html);

        Assert.Equal(6, cards["devices"].Number);
        Assert.Equal(1, cards["compliant"].Number);
        Assert.Equal(2, cards["divergent"].Number);
        Assert.Equal(1, cards["error"].Number);
        Assert.Equal(1, cards["unreadable-latest"].Number);
        Assert.Equal(3, cards["open-incidents"].Number);
        Assert.Equal(1, cards["open-critical"].Number);
        Assert.Equal(1, cards["unreadable"].Number);
        Assert.Equal(5, cards["run-compliant"].Number + cards["run-divergent"].Number + cards["run-error"].Number + cards["run-unreadable"].Number);
        Assert.Contains("20%", Page.Text(html));
    }

    [Fact]
    public async Task Dashboard_shows_the_last_batch_pending_approvals_and_newest_divergences()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/?culture=pt-BR");
        var text = Page.Text(html);

        Assert.Contains("href=\"/batch-results/BATCH-0203\"", html);
        Assert.Contains("data-status=\"blocked\"", html);
        Assert.Contains("href=\"/approval-queue?state=pending\">1<", html);
        Assert.Contains("Divergências mais recentes", text);
        Assert.Contains("platform eos =HYPERLINK(\"x\")", text);
        Assert.Contains("href=\"/artifacts?unreadable=true\"", html);
    }

    [GeneratedRegex("<a[^>]*data-card=\"(?<card>[^\"]+)\"[^>]*href=\"(?<href>[^\"]+)\"[^>]*>(?<text>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex CardLink();

    [GeneratedRegex("[0-9]+$")]
    private static partial Regex TrailingNumber();
}

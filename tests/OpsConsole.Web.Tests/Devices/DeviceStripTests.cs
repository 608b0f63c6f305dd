using System.Text.RegularExpressions;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Devices;

/// <summary>
/// The device page's 30-day strip over the trends fixture: one cell per run day in the day's status (a day without a
/// report is "missing", never compliant), a text alternative that counts them, and the day-by-day table behind it.
/// </summary>
public sealed partial class DeviceStripTests(TrendsFactory factory) : IClassFixture<TrendsFactory>
{
    private static List<(string Status, string Class, string Title)> Cells(string html) =>
        [.. Cell().Matches(html).Select(m => (m.Groups["status"].Value, m.Groups["class"].Value, System.Net.WebUtility.HtmlDecode(m.Groups["title"].Value)))];

    [Fact]
    public async Task The_strip_has_one_cell_per_run_day_in_that_days_status_oldest_first()
    {
        var client = await factory.CreateReadyClientAsync("en");

        var cells = Cells(await Page.HtmlAsync(client, "/devices/RT-A-01"));

        var expected = TrendsFactory.Days["RT-A-01"].Select(c => c switch
        {
            'c' => "compliant",
            'd' => "divergent",
            'e' => "error",
            'u' => "unreadable",
            _ => "missing",
        });
        Assert.Equal(expected, cells.Select(c => c.Status));
        Assert.Equal("2026-11-01: Compliant", cells[0].Title);
        Assert.Equal("2026-11-30: Divergent", cells[^1].Title);
    }

    [Fact]
    public async Task A_day_without_a_report_is_an_empty_missing_cell_never_a_compliant_one()
    {
        var client = await factory.CreateReadyClientAsync("en");

        var html = await Page.HtmlAsync(client, "/devices/RT-A-01");
        var day20 = Cells(html)[19];

        Assert.Equal(("missing", "2026-11-20: Missing"), (day20.Status, day20.Title));
        Assert.Contains("strip-missing", day20.Class);
        Assert.DoesNotContain("tone-ok", day20.Class);
        Assert.Contains("2026-11-20 Missing No report this day", Page.Text(html));
        Assert.Contains("2026-11-15 Unreadable compliance/2026-11-15/RT-A-01.json Unreadable:", Page.Text(html));
    }

    [Theory]
    [InlineData("en", "25 compliant, 2 divergent, 1 error, 1 unreadable, 1 missing over 30 run days")]
    [InlineData("pt-BR", "25 conforme, 2 divergente, 1 erro, 1 ilegível, 1 ausente em 30 execuções")]
    public async Task The_strip_says_in_words_what_it_shows(string culture, string summary)
    {
        var client = await factory.CreateReadyClientAsync(culture);

        var html = await Page.HtmlAsync(client, "/devices/RT-A-01");

        var svg = Regex.Match(html, "<svg class=\"strip\"[^>]*>");
        Assert.Contains("role=\"img\"", svg.Value);
        Assert.Equal(summary, System.Net.WebUtility.HtmlDecode(Regex.Match(svg.Value, "aria-label=\"([^\"]*)\"").Groups[1].Value));
        // The table behind the strip carries the same summary as its caption.
        Assert.Contains(summary, Page.Text(Regex.Match(html, "<caption[^>]*>[^<]*</caption>").Value));
    }

    [Fact]
    public async Task The_table_behind_the_strip_links_each_days_report()
    {
        var client = await factory.CreateReadyClientAsync("en");

        var html = await Page.HtmlAsync(client, "/devices/RT-A-01");

        Assert.Contains("<details class=\"strip-table\">", html);
        Assert.Contains("href=\"/compliance-reports/CR-2026-11-05-RT-A-01\"", html);
        Assert.Contains("href=\"/compliance-reports/file?path=compliance%2F2026-11-15%2FRT-A-01.json\"", html);
    }

    [Fact]
    public async Task A_device_missing_from_the_latest_run_ends_its_strip_with_a_missing_cell()
    {
        var client = await factory.CreateReadyClientAsync("en");

        var cells = Cells(await Page.HtmlAsync(client, "/devices/PE-C-05"));

        Assert.Equal(30, cells.Count);
        Assert.Equal("missing", cells[^1].Status);
        Assert.All(cells.Take(29), c => Assert.Equal("compliant", c.Status));
    }

    [GeneratedRegex("<rect class=\"(?<class>strip-cell [^\"]*is-(?<status>[a-z-]+))\"[^>]*><title>(?<title>[^<]*)</title></rect>")]
    private static partial Regex Cell();
}

using System.Net;
using System.Text.RegularExpressions;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's trend over the trends fixture (5 devices, 30 runs): the compliant share per run day with an
/// unreadable report counted unknown and a missing one missing, the share per site worst first, and "since
/// yesterday" (new and cleared divergences, new divergences per field), in both languages.
/// </summary>
public sealed partial class TrendTests(TrendsFactory factory) : IClassFixture<TrendsFactory>
{
    private static string Row(string html, string attribute, string value) =>
        Page.Text(Regex.Match(html, $"<tr {attribute}=\"{Regex.Escape(value)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value);

    [Theory]
    [InlineData("2026-11-30", "2026-11-30 20% 1 2 0 1 1 (reports missing this day) 5")] // RT and OLT divergent, FW unreadable (unknown), PE without a report
    [InlineData("2026-11-29", "2026-11-29 60% 3 2 0 0 0 5")]
    [InlineData("2026-11-20", "2026-11-20 80% 4 0 0 0 1 (reports missing this day) 5")] // RT-A-01 has no report that day
    [InlineData("2026-11-15", "2026-11-15 80% 4 0 0 1 0 5")] // RT-A-01's report is unreadable: unknown, not compliant
    [InlineData("2026-11-10", "2026-11-10 80% 4 0 1 0 0 5")]
    [InlineData("2026-11-01", "2026-11-01 100% 5 0 0 0 0 5")]
    public async Task The_share_per_day_counts_unreadable_reports_unknown_and_absent_ones_missing(string day, string row)
    {
        var client = await factory.CreateReadyClientAsync("en");

        var html = await Page.HtmlAsync(client, "/");

        Assert.Equal(row, Row(html, "data-day", day));
        Assert.Equal(30, Regex.Count(html, "<tr data-day="));
    }

    [Fact]
    public async Task The_chart_has_a_text_alternative_and_marks_the_days_with_gaps()
    {
        var client = await factory.CreateReadyClientAsync("en");

        var html = await Page.HtmlAsync(client, "/");
        var svg = Regex.Match(html, "<svg class=\"trend-chart\".*?</svg>", RegexOptions.Singleline).Value;

        Assert.Contains("role=\"img\"", svg);
        Assert.Contains(
            "aria-label=\"Compliant share per run day from 2026-11-01 to 2026-11-30: 20% on the latest run, lowest 20% on 2026-11-30; 3 of 30 run days have unreadable or missing reports.\"",
            WebUtility.HtmlDecode(svg));
        Assert.Equal(30, Regex.Count(svg, "<rect class=\"share-bar"));
        Assert.Equal(3, Regex.Count(svg, "share-flag")); // 2026-11-15, -20 and -30
        Assert.Contains("<title>2026-11-30: 20% compliant (1 of 5; 1 unknown, 1 missing)</title>", WebUtility.HtmlDecode(svg));
        Assert.Contains("1 inventory devices have no report in the run of 2026-11-30.", Page.Text(html));
    }

    [Fact]
    public async Task The_share_per_site_is_the_latest_run_worst_first()
    {
        var client = await factory.CreateReadyClientAsync("en");

        var html = await Page.HtmlAsync(client, "/");

        var sites = Regex.Matches(html, "<tr data-site=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["SITEB", "SITEC", "SITEA"], sites);
        Assert.Equal("SITEA 50% (1 of 2) 1 0 0 0", Row(html, "data-site", "SITEA"));
        Assert.Equal("SITEB 0% (0 of 2) 1 0 1 0", Row(html, "data-site", "SITEB")); // FW-B-04 unreadable: unknown
        Assert.Equal("SITEC 0% (0 of 1) 0 0 0 1", Row(html, "data-site", "SITEC")); // PE-C-05 has no report
        Assert.Contains("href=\"/devices?site=SITEB\"", html);
    }

    [Fact]
    public async Task Since_yesterday_names_the_new_and_cleared_divergences_and_the_new_fields()
    {
        var client = await factory.CreateReadyClientAsync("en");

        var html = await Page.HtmlAsync(client, "/");
        var section = Regex.Match(html, "<section class=\"panel\" aria-labelledby=\"since-yesterday\">.*?</section>", RegexOptions.Singleline).Value;
        var text = Page.Text(section);

        Assert.Contains("The run of 2026-11-30 compared with the run of 2026-11-29", text);
        Assert.Contains("Newly divergent: 1 RT-A-01 Every divergent report of 2026-11-30", text);
        Assert.Contains("Back to compliant: 1 SW-A-02", text);
        Assert.Equal("tenant 2 OLT-B-03 , RT-A-01", Row(section, "data-field", "tenant"));
        Assert.Equal("description 1 RT-A-01", Row(section, "data-field", "description"));
        Assert.DoesNotContain("data-field=\"role\"", section); // OLT-B-03 already diverged on role
        Assert.Contains("href=\"/devices/SW-A-02\"", section);
        Assert.Contains("href=\"/compliance-reports?from=2026-11-30&amp;to=2026-11-30&amp;status=divergent\"", section);
    }

    [Fact]
    public async Task The_trend_is_complete_in_portuguese()
    {
        var client = await factory.CreateReadyClientAsync("pt-BR");

        var text = Page.Text(await Page.HtmlAsync(client, "/"));

        Assert.Contains("Parcela conforme por dia de execução (últimas 30 execuções)", text);
        Assert.Contains("Parcela conforme por site (execução de 2026-11-30)", text);
        Assert.Contains("Desde ontem", text);
        Assert.Contains("Passaram a divergir: 1 RT-A-01", text);
        Assert.Contains("Voltaram a conforme: 1 SW-A-02", text);
        Assert.Contains("Novas divergências por campo", text);
        Assert.Contains("Execução anterior (2026-11-29): 60%", text);
    }

    [Fact]
    public async Task The_wall_shows_only_todays_share_against_yesterdays()
    {
        var client = await factory.CreateReadyClientAsync("en");

        var html = await Page.HtmlAsync(client, "/?wall=1");

        var card = Page.Text(Regex.Match(html, "<div class=\"card\" data-trend-card=\"share-by-run\">.*?</div>", RegexOptions.Singleline).Value);
        Assert.Equal("Compliant share, run of 2026-11-30 20% Run before (2026-11-29): 60% 1 unknown, 1 missing — never counted compliant", card);
        Assert.DoesNotContain("trend-chart", html);
        Assert.DoesNotContain("since-yesterday", html);
    }
}

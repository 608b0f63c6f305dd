using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Metrics;

/// <summary>Approval trends per month on the metrics board: a known answer over two months, in the shift zone.</summary>
public sealed class ApprovalTrendsTests(MonthlyReviewFactory factory) : IClassFixture<MonthlyReviewFactory>
{
    [Fact]
    public async Task The_json_export_gives_the_known_counts_medians_and_over_target_per_month()
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = await Page.JsonRowsAsync(client, "/metrics-board");

        Assert.Equal(2, rows.Count);
        Assert.Equal(("2026-11", "4", "1", "1", "1", "1", "5", "0"), Cells(rows[0]));
        Assert.Equal(("2026-10", "3", "2", "1", "0", "0", "8", "2"), Cells(rows[1]));
        Assert.All(rows, r => Assert.Equal(("7", "America/Sao_Paulo"), (r["target_days"], r["time_zone"])));
    }

    [Fact]
    public async Task The_csv_export_has_the_same_months()
    {
        var client = await factory.CreateReadyClientAsync();

        var csv = await client.GetStringAsync("/metrics-board?format=csv");

        var lines = csv.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("month,decided,approved,rejected,expired,applied,median_decision_days,over_target,target_days,time_zone", lines[0]);
        Assert.Equal("2026-11,4,1,1,1,1,5,0,7,America/Sao_Paulo", lines[1]);
        Assert.Equal("2026-10,3,2,1,0,0,8,2,7,America/Sao_Paulo", lines[2]);
    }

    [Fact]
    public async Task The_board_shows_a_chart_with_a_text_alternative_and_the_table()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/metrics-board");

        Assert.Contains("<svg class=\"chart\" id=\"chart-trends\" role=\"img\" aria-labelledby=\"chart-trends-title\"", html);
        Assert.Contains("<title>2026-10: 3 decided, median 8 d, 2 over target</title>", html);
        var october = html[html.IndexOf("<tr data-month=\"2026-10\">", StringComparison.Ordinal)..];
        Assert.StartsWith("2026-10 3 2 1 0 0 8 d 2", Page.Text(october[..october.IndexOf("</tr>", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task The_board_shows_the_trends_in_portuguese()
    {
        var client = await factory.CreateReadyClientAsync();

        var text = Page.Text(await Page.HtmlAsync(client, "/metrics-board?culture=pt-BR"));

        Assert.Contains("Tendência das aprovações por mês", text);
        Assert.Contains("Mediana do tempo de decisão", text);
    }

    [Fact]
    public async Task A_page_of_one_month_shows_the_newest_and_pages_to_the_older()
    {
        var client = await factory.CreateReadyClientAsync();

        var first = await Page.JsonRowsAsync(client, "/metrics-board?size=1");
        var second = await Page.JsonRowsAsync(client, "/metrics-board?size=1&page=2");

        Assert.Equal("2026-11", Assert.Single(first)["month"]);
        Assert.Equal("2026-10", Assert.Single(second)["month"]);
    }

    private static (string?, string?, string?, string?, string?, string?, string?, string?) Cells(Dictionary<string, string?> r) =>
        (r["month"], r["decided"], r["approved"], r["rejected"], r["expired"], r["applied"], r["median_decision_days"], r["over_target"]);
}

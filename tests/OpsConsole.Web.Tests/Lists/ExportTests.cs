using CsvHelper;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Lists;

public sealed class ExportTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
{
    private const string FormulaTitle = "=SUM(1+1) uplink errors, \"quoted\"";

    private static List<string[]> ReadCsv(string text, out string[] headers)
    {
        using var reader = CsvReader.FromText(text);
        headers = reader.Headers.ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Incident_csv_round_trips_to_the_rows_shown_and_neutralises_formulas()
    {
        var client = await factory.CreateReadyClientAsync();

        var shown = Page.BodyRows(await Page.HtmlAsync(client, "/incidents?status=open"));
        var response = await client.GetAsync("/incidents?status=open&format=csv");
        var rows = ReadCsv(await response.Content.ReadAsStringAsync(), out var headers);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(["incident_id", "title", "severity", "status", "device", "opened_at", "path", "problem"], headers);
        Assert.Equal(shown.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var title = rows[i][1].StartsWith('\'') ? rows[i][1][1..] : rows[i][1];
            Assert.StartsWith($"{rows[i][0]} {title}", shown[i]);
        }

        var injected = rows.Single(r => r[0] == "INC-0102");
        Assert.Equal("'" + FormulaTitle, injected[1]);
    }

    [Fact]
    public async Task Json_export_keeps_the_original_text()
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = await Page.JsonRowsAsync(client, "/incidents?severity=high");

        Assert.Equal(FormulaTitle, rows.Single(r => r["incident_id"] == "INC-0102")["title"]);
    }

    [Theory]
    [InlineData("/devices?site=SITEB", 2)]
    [InlineData("/compliance-reports?from=2026-11-21", 5)]
    [InlineData("/batch-results?batch=BATCH-0203", 2)]
    [InlineData("/devices/RT-A-01", 2)]
    public async Task Csv_export_has_exactly_the_rows_the_page_shows(string url, int expected)
    {
        var client = await factory.CreateReadyClientAsync();

        var shown = Page.BodyRows(await Page.HtmlAsync(client, url)).Count;
        var csv = ReadCsv(await client.GetStringAsync(url + (url.Contains('?') ? "&" : "?") + "format=csv"), out _);

        Assert.Equal(expected, csv.Count);
        Assert.Equal(expected, shown);
    }
}

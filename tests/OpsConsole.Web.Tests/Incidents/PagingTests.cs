using System.Globalization;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Incidents;

/// <summary>The dashboards fixture plus 230 generated incidents, enough to reach the page-size cap.</summary>
public sealed class ManyIncidentsFactory : DashboardsFactory
{
    public const int Generated = 230;

    public ManyIncidentsFactory() : base(Prepare)
    {
    }

    private static void Prepare(string root)
    {
        for (var i = 0; i < Generated; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"GEN-{i:0000}");
            File.WriteAllText(Path.Combine(root, "incidents", id + ".json"),
                $$"""{"schema":"opsconsole/incident@1","incident_id":"{{id}}","title":"generated","severity":"low","status":"resolved","opened_at":"2026-10-01T00:00:00Z"}""");
        }
    }
}

public sealed class PagingTests(ManyIncidentsFactory factory) : IClassFixture<ManyIncidentsFactory>
{
    private const int Total = ManyIncidentsFactory.Generated + 5;

    [Theory]
    [InlineData("/incidents?page=0")]
    [InlineData("/incidents?page=-3")]
    [InlineData("/incidents?page=abc")]
    [InlineData("/incidents?size=0")]
    [InlineData("/incidents?size=-20")]
    public async Task Out_of_range_page_or_size_falls_back_to_the_first_page_of_twenty(string url)
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = await Page.JsonRowsAsync(client, url);
        var first = await Page.JsonRowsAsync(client, "/incidents");

        Assert.Equal(20, rows.Count);
        Assert.Equal(first.Select(r => r["incident_id"]), rows.Select(r => r["incident_id"]));
    }

    [Fact]
    public async Task A_huge_page_size_is_capped_at_two_hundred_rows_on_screen_and_at_the_one_export_cap_in_an_export()
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = await Page.JsonRowsAsync(client, "/incidents?size=1000000");
        var html = Page.Text(await Page.HtmlAsync(client, "/incidents?size=1000000"));

        // Every list's export pages up to the same cap (10,000 rows), so every incident comes out in one file.
        Assert.Equal(Total, rows.Count);
        Assert.Contains($"Page 1 of 2", html);
    }

    [Fact]
    public async Task The_last_page_holds_the_remainder_and_a_page_beyond_it_is_empty_not_an_error()
    {
        var client = await factory.CreateReadyClientAsync();

        var last = await Page.JsonRowsAsync(client, "/incidents?size=200&page=2");
        var beyond = await Page.JsonRowsAsync(client, "/incidents?size=200&page=2147483647");

        Assert.Equal(Total - 200, last.Count);
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_together_cover_every_row()
    {
        var client = await factory.CreateReadyClientAsync();

        var ids = new List<string?>();
        for (var page = 1; page <= 12; page++)
        {
            ids.AddRange((await Page.JsonRowsAsync(client, $"/incidents?size=20&page={page}")).Select(r => r["incident_id"]));
        }

        Assert.Equal(Total, ids.Count);
        Assert.Equal(Total, ids.Distinct().Count());
    }
}

using System.Net;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Archive;

/// <summary>History stays reachable: counts on the device page, compliance list and approval queue, and entries opened on demand.</summary>
public sealed class ArchivePageTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    [Theory]
    [InlineData("en", "2 of this device's reports are archived.")]
    [InlineData("pt-BR", "2 relatórios deste dispositivo estão arquivados.")]
    public async Task The_device_page_says_how_many_of_its_reports_are_archived_and_links_them(string culture, string line)
    {
        var client = await factory.CreateReadyClientAsync(culture);

        var html = await Page.HtmlAsync(client, "/devices/SW-A-02");

        Assert.Contains(line, Page.Text(html));
        Assert.Contains("href=\"/archive/compliance-2026-11-20/entry?path=compliance%2F2026-11-20%2FSW-A-02.json\"", html);
        Assert.Contains("href=\"/archive/compliance-2026-11-19/entry?path=compliance%2F2026-11-19%2FSW-A-02.json\"", html);
    }

    [Theory]
    [InlineData("en", "4 reports over 2 days are archived.", "1 bundles are unreadable")]
    [InlineData("pt-BR", "4 relatórios em 2 dias estão arquivados.", "1 pacotes estão ilegíveis")]
    public async Task The_compliance_list_says_how_much_history_is_archived(string culture, string line, string unreadable)
    {
        var client = await factory.CreateReadyClientAsync(culture);

        var text = Page.Text(await Page.HtmlAsync(client, "/compliance-reports"));

        Assert.Contains(line, text);
        Assert.Contains(unreadable, text);
    }

    [Theory]
    [InlineData("en", "1 decided approvals over 1 months are archived.")]
    [InlineData("pt-BR", "1 aprovações decididas em 1 meses estão arquivadas.")]
    public async Task The_approval_queue_says_how_much_history_is_archived(string culture, string line)
    {
        var client = await factory.CreateReadyClientAsync(culture);

        var html = await Page.HtmlAsync(client, "/approval-queue");

        Assert.Contains(line, Page.Text(html));
        Assert.Contains("href=\"/archive?kind=approvals\"", html);
    }

    [Fact]
    public async Task The_archive_page_lists_each_bundle_and_shows_a_damaged_one_as_unreadable_with_the_reason()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/archive");
        var rows = Page.BodyRows(html);

        Assert.Contains(rows, r => r.StartsWith("archive/compliance/2026-11-20.zip Compliance runs 2026-11-20 3", StringComparison.Ordinal) && r.Contains("checksum verified", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("archive/approvals/2026-11.zip Decided approvals 2026-11 1", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("archive/compliance/2026-11-18.zip", StringComparison.Ordinal)
            && r.Contains("Unreadable: checksum mismatch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bundle_page_lists_its_entries_from_the_manifest()
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = Page.BodyRows(await Page.HtmlAsync(client, "/archive/compliance-2026-11-20"));

        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("compliance/2026-11-20/SW-A-02.json SW-A-02 2026-11-20 Divergent 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_archived_entry_is_read_on_demand_and_downloadable()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/archive/compliance-2026-11-20/entry?path=compliance%2F2026-11-20%2FRT-A-01.json");
        var download = await client.GetAsync("/archive/compliance-2026-11-20/entry?path=compliance%2F2026-11-20%2FRT-A-01.json&download=true");

        Assert.Contains("\"report_id\"", WebUtility.HtmlDecode(html));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Join(AppContext.BaseDirectory, "Fixtures/dashboards/compliance/2026-11-20/RT-A-01.json")),
            await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_secret_in_an_archived_entry_is_masked_and_the_entry_is_not_downloadable()
    {
        var client = await factory.CreateReadyClientAsync();
        const string url = "/archive/compliance-2026-11-19/entry?path=compliance%2F2026-11-19%2FSW-A-02.json";

        var html = await Page.HtmlAsync(client, url);
        var download = await client.GetAsync(url + "&download=true");

        Assert.Contains("NETBOX_WRITE_TOKEN", html);
        Assert.DoesNotContain(ArchiveFactory.SecretValue, html);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.DoesNotContain(ArchiveFactory.SecretValue, await download.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("../../devices.json")]
    [InlineData("/etc/passwd")]
    [InlineData("compliance/2026-11-20/../../devices.json")]
    [InlineData("compliance/2026-11-21/RT-A-01.json")]
    [InlineData("manifest.json")]
    [InlineData("")]
    public async Task An_entry_name_not_in_the_manifest_is_refused(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        var page = await client.GetAsync($"/archive/compliance-2026-11-20/entry?path={Uri.EscapeDataString(path)}");
        var download = await client.GetAsync($"/archive/compliance-2026-11-20/entry?path={Uri.EscapeDataString(path)}&download=true");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Theory]
    [InlineData("/archive/compliance-2026-11-17")]
    [InlineData("/archive/..%2F..%2Fetc")]
    [InlineData("/archive/restored-2026-11-20")]
    public async Task An_unknown_bundle_is_not_found(string url)
    {
        var client = await factory.CreateReadyClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_metrics_board_counts_archived_runs_and_decisions()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/metrics-board");

        // Live runs: 2026-11-21 only; 2026-11-19 and 2026-11-20 are archived and still count in the 14-day cadence.
        Assert.Contains("data-metric=\"compliance-days\">3/14<", html);
        // APR-2026-0203 (archived) was decided one day after it entered pending.
        Assert.Contains("APR-2026-0203: 1 d (approved)", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task The_decisions_view_lists_an_archived_decision_with_who_took_it_and_its_bundle()
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = await Page.JsonRowsAsync(client, "/metrics-board/decisions?format=json&size=200");

        var archived = Assert.Single(rows, r => r["approval_id"] == "APR-2026-0203" && r["to"] == "approved");
        Assert.Equal("pending", archived["from"]);
        Assert.Equal("archive", archived["source"]);
        Assert.False(string.IsNullOrEmpty(archived["actor"]));
    }
}

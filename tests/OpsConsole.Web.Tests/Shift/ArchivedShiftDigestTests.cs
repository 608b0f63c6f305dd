using System.Globalization;
using CsvHelper;
using OpsConsole.Core.Archive;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Shift;

/// <summary>
/// <c>/shift</c> after a real <c>compliance archive</c> run and index pass: each archived day is one line with its count and a
/// link to its bundle, in both languages and in the CSV export; a report deleted by hand is still its own line.
/// </summary>
public sealed class ArchivedShiftDigestTests : IDisposable
{
    private static readonly string[] ArchivedDays = ["2026-11-17", "2026-11-18"];
    private readonly ShiftFactory _factory = new();

    /// <summary>Three reports on each of two old days, archived after the journal started; one report of 2026-11-20 deleted by hand.</summary>
    private async Task<(HttpClient Client, string Since)> ArchivedClientAsync(string culture)
    {
        foreach (var day in ArchivedDays)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Join(_factory.Root, "compliance/2026-11-21")))
            {
                var copy = Path.Join(_factory.Root, "compliance", day, Path.GetFileName(file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                await File.WriteAllTextAsync(copy, (await File.ReadAllTextAsync(file)).Replace("2026-11-21", day, StringComparison.Ordinal));
            }
        }

        var client = await _factory.CreateReadyClientAsync(culture);
        var since = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
        var root = SafePath.Canonicalize(_factory.Root);
        var mover = new ArchiveMover(root);
        var outcome = mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(root, new DateOnly(2026, 11, 19))));
        Assert.Equal(6, outcome.Moved.Count);
        File.Delete(Path.Join(_factory.Root, "compliance/2026-11-20/4WNET-MNS-KTG-RX.json"));
        await _factory.ReindexAsync();
        _factory.Clock.Now = DateTimeOffset.UtcNow.AddMinutes(1);
        return (client, "/shift?since=" + since);
    }

    [Theory]
    [InlineData("en", "3 reports of {0} archived (bundle compliance-{0})", "Archived")]
    [InlineData("pt-BR", "3 relatórios de {0} arquivados (pacote compliance-{0})", "Arquivado")]
    public async Task Each_archived_day_is_one_line_with_its_count_and_a_link_to_its_bundle(string culture, string line, string chip)
    {
        var (client, url) = await ArchivedClientAsync(culture);

        var html = await Page.HtmlAsync(client, url);

        var rows = Page.BodyRows(Section(html, "Compliance"));
        foreach (var day in ArchivedDays)
        {
            Assert.Single(rows, r => r.Contains($"compliance-{day} {chip} {string.Format(CultureInfo.InvariantCulture, line, day)}", StringComparison.Ordinal));
            Assert.Contains($"href=\"/archive/compliance-{day}\"", html);
        }

        Assert.DoesNotContain(rows, r => ArchivedDays.Any(d => r.Contains($"compliance/{d}/", StringComparison.Ordinal)));
        Assert.Single(rows, r => r.Contains("4WNET-MNS-KTG-RX", StringComparison.Ordinal));
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task The_csv_export_has_one_row_per_archived_day_with_its_count()
    {
        var (client, url) = await ArchivedClientAsync("en");

        var response = await client.GetAsync(url + "&format=csv");

        using var reader = CsvReader.FromText(await response.Content.ReadAsStringAsync());
        var headers = reader.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(headers.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v));
        }

        var archived = rows.Where(r => r["change"] == "archived").ToList();
        Assert.Equal(
            ArchivedDays.Select(d => ($"compliance-{d}", d, "archived", "3", $"archive/compliance/{d}.zip")),
            archived.Select(r => (r["key"], r["group"], r["status_after"], r["count_after"], r["path"])).Order());
        Assert.All(archived, r => Assert.EndsWith($"/archive/{r["key"]}", r["link"], StringComparison.Ordinal));
        Assert.Equal(["compliance/2026-11-20/4WNET-MNS-KTG-RX.json"],
            rows.Where(r => r["change"] == "removed" && r["section"] == "Compliance").Select(r => r["path"]));
    }

    /// <summary>The HTML of one digest section.</summary>
    private static string Section(string html, string section)
    {
        var start = html.IndexOf($"aria-labelledby=\"shift-{section}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {section}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    public void Dispose() => _factory.Dispose();
}

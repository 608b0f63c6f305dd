using OpsConsole.Core.Index;
using OpsConsole.Web.Tests.Shift;

namespace OpsConsole.Web.Tests.Review;

/// <summary>The shift digest lists a run marked reviewed in its compliance section, on the page and in the exports.</summary>
public sealed class ShiftReviewTests : IDisposable
{
    private const string Since = "?since=2026-11-30T07:00:00-03:00";
    private readonly ShiftFactory _factory = new();

    private async Task<HttpClient> ClientWithReviewAsync(string culture)
    {
        var client = await _factory.CreateReadyClientAsync(culture);
        _factory.Seed(
            new ChangeJournalRecord { AtTicks = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero).UtcTicks, Change = ChangeKinds.Baseline, Kind = ChangeKinds.Baseline },
            new ChangeJournalRecord
            {
                AtTicks = new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero).UtcTicks,
                Change = ChangeKinds.Added,
                Path = "compliance/2026-11-30.review.json",
                Kind = "ComplianceReview",
                Key = "2026-11-30",
                StatusAfter = "reviewed",
                CountAfter = 2,
                Actor = "ana.souza",
            });
        _factory.Clock.Now = new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);
        return client;
    }

    [Fact]
    public async Task The_page_lists_the_review_in_the_compliance_section()
    {
        var client = await ClientWithReviewAsync("en");

        var html = await client.GetStringAsync("/shift" + Since);

        var compliance = html[html.IndexOf("id=\"shift-Compliance\"", StringComparison.Ordinal)..html.IndexOf("id=\"shift-Approvals\"", StringComparison.Ordinal)];
        Assert.Contains("href=\"/compliance-reports?from=2026-11-30&amp;to=2026-11-30\"", compliance);
        Assert.Contains("Run 2026-11-30 Reviewed marked reviewed · by ana.souza", Infrastructure.Page.Text(compliance));
    }

    [Fact]
    public async Task The_page_lists_the_review_in_portuguese()
    {
        var client = await ClientWithReviewAsync("pt-BR");

        var text = Infrastructure.Page.Text(await client.GetStringAsync("/shift" + Since));

        Assert.Contains("Execução 2026-11-30 Revisada marcada como revisada · por ana.souza", text);
    }

    [Fact]
    public async Task The_markdown_export_lists_the_review_with_its_link()
    {
        var client = await ClientWithReviewAsync("en");

        var md = await client.GetStringAsync("/shift" + Since + "&format=md");

        Assert.Contains("- 2026-11-30 08:00 -03:00 · [Run 2026-11-30](http://localhost/compliance-reports?from=2026-11-30&to=2026-11-30) · marked reviewed · by ana.souza", md);
    }

    [Fact]
    public async Task The_csv_and_json_exports_carry_the_review()
    {
        var client = await ClientWithReviewAsync("en");

        var csv = await client.GetStringAsync("/shift" + Since + "&format=csv");
        var json = await client.GetStringAsync("/shift" + Since + "&format=json");

        Assert.Contains("Compliance,added,ComplianceReview,Run 2026-11-30,marked reviewed · by ana.souza,2026-11-30", csv);
        Assert.Contains("\"kind\":\"ComplianceReview\"", json);
        Assert.Contains("\"actor\":\"ana.souza\"", json);
    }

    public void Dispose() => _factory.Dispose();
}

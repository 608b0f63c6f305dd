using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpsConsole.Web.Tests.Hardening;

/// <summary>The console over a tree full of broken, hostile and impossible files.</summary>
public sealed partial class HostileTreeTests(HostileFactory factory) : IClassFixture<HostileFactory>
{
    /// <summary>Every page of the basic tree plus the detail pages of each hostile file.</summary>
    public static TheoryData<string> Routes()
    {
        var data = ConsoleRoutes.BasicData();
        foreach (var route in new[]
        {
            "/incidents/INC-0900", "/incidents/INC-0901", "/incidents/INC-0903", "/incidents/INC-0904",
            "/approval-timeline/APR-2026-0900", "/batch-results/BATCH-0900", "/batch-results/BATCH-0901", "/batch-results/BATCH-0902",
            "/handoff/hostile-notes", "/controlled-operation/cycle-009", "/controlled-operation/cycle-009/week1",
            "/service-engagement/EDGE-BEL-01", "/service-engagement/EDGE-BEL-01/items/tenant", "/service-engagement/EDGE-BEL-01/validation",
            "/devices/D%C3%A9v%20ice", "/devices/EDGE%20BEL%2002", "/service-engagement/D%C3%A9v%20ice",
            "/compliance-reports?from=2026-11-22&to=2026-11-22", "/compliance-reports/file?path=compliance/2026-11-22/ACC-RIO-03.json",
            "/compliance-reports/file?path=" + Uri.EscapeDataString(HostileFactory.UnicodeReportPath),
            "/compliance-reports/file?path=" + HostileFactory.OversizedPath.Replace("batches/results", "compliance/2026-11-22", StringComparison.Ordinal),
            "/artifacts?unreadable=true&size=200", "/artifacts?kind=Other",
        })
        {
            data.Add(route);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_page_answers_200_or_404_never_500_in_the_hostile_tree(string route)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{route} answered {(int)response.StatusCode}");
        Assert.DoesNotContain(HostileFactory.OutsideSecret, body);
        Assert.DoesNotContain("<script>alert", body);
        Assert.DoesNotContain("Exception", body);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "compliance/2026-11-22/EDGE-BEL-01.json", "not valid JSON" },
        { "compliance/2026-11-22/CORE-SPO-01.json", "not valid JSON" },
        { "compliance/2026-11-22/ACC-RIO-03.json", "empty (0 bytes)" },
        { "incidents/INC-0900.json", "could not be converted" },
        { "incidents/INC-0901.json", "unsupported version" },
        { "approvals/pending/approval-APR-2026-0900.json", "Duplicate property" },
        { "batches/plans/BATCH-0900.json", "could not be converted" },
        { HostileFactory.OversizedPath, "over the 5 MiB size cap" },
        { HostileFactory.DepthBombPath, "not a JSON object" },
        { HostileFactory.FifoPath, "empty (0 bytes)" },
        { "operations/cycle-009/cycle.json", "not valid JSON" },
        { "engagement/EDGE-BEL-01/package.json", "could not be converted" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Each_bad_file_is_listed_as_unreadable_with_its_reason(string path, string reason)
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/artifacts?unreadable=true&size=200");
        using var json = JsonDocument.Parse(await client.GetStringAsync("/artifacts?unreadable=true&size=200&format=json"));

        var row = json.RootElement.EnumerateArray().Single(r => r.GetProperty("path").GetString() == path);
        Assert.Equal("false", row.GetProperty("readable").GetString());
        Assert.Contains(reason, row.GetProperty("problem").GetString());
        Assert.Contains(path, WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("/incidents/INC-0900", "could not be converted")]
    [InlineData("/incidents/INC-0901", "unsupported version")]
    [InlineData("/incidents/INC-0904", "empty (0 bytes)")]
    [InlineData("/approval-timeline/APR-2026-0900", "Duplicate property")]
    [InlineData("/batch-results/BATCH-0900", "could not be converted")]
    [InlineData("/batch-results/BATCH-0901", "size cap")]
    [InlineData("/controlled-operation/cycle-009", "not valid JSON")]
    [InlineData("/compliance-reports/file?path=compliance/2026-11-22/ACC-RIO-03.json", "empty (0 bytes)")]
    [InlineData("/service-engagement/EDGE-BEL-01", "could not be converted")]
    public async Task A_bad_file_with_its_own_page_shows_unreadable_and_its_reason_there(string route, string reason)
    {
        var client = await factory.CreateReadyClientAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(route));

        Assert.Contains("Unreadable", html);
        Assert.Contains(reason, html);
    }

    [Fact]
    public async Task Readiness_stays_200_and_reports_the_unreadable_count()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/health/ready");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.RootElement.GetProperty("unreadable").GetInt32() >= BadFiles.Count);
    }

    [Theory]
    [InlineData(HostileFactory.UnicodeReportPath)]
    [InlineData(HostileFactory.SpacedReportPath)]
    [InlineData(HostileFactory.UnicodeEngagementPath)]
    public async Task Files_named_after_an_illegal_device_name_are_other_artifacts_not_reports_or_packages(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/artifacts?size=200&format=json"));
        var reports = await client.GetStringAsync("/compliance-reports?size=200&format=json");
        var engagement = await client.GetStringAsync("/service-engagement?format=json");
        var devices = await client.GetStringAsync("/devices?size=200&format=json");

        var row = json.RootElement.EnumerateArray().Single(r => r.GetProperty("path").GetString() == path);
        Assert.Equal("Other", row.GetProperty("kind").GetString());
        Assert.DoesNotContain("v ice", reports + engagement + devices);
        Assert.DoesNotContain("EDGE BEL 02", reports + engagement + devices);
    }

    [Fact]
    public async Task A_bom_prefixed_report_is_readable()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/compliance-reports/CR-2026-11-22-4WNET-MNS-KTG-RX");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Unreadable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_symlink_leading_outside_the_root_is_never_served_nor_shown()
    {
        var client = await factory.CreateReadyClientAsync();

        var pages = new[] { "/incidents", "/incidents/INC-0903", "/artifacts?size=200", "/download?path=" + HostileFactory.OutsideLinkPath };
        foreach (var page in pages)
        {
            Assert.DoesNotContain(HostileFactory.OutsideSecret, await (await client.GetAsync(page)).Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/download?path=" + HostileFactory.OutsideLinkPath)).StatusCode);
    }

    [Fact]
    public async Task Handoff_markdown_with_scripts_and_javascript_links_renders_them_inert()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/handoff/hostile-notes");

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotMatch("<[a-z]+[^>]*\\son[a-z]+=", html);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"https://evil.example", html);
    }

    [Fact]
    public async Task Every_link_on_every_page_of_the_hostile_tree_leads_to_a_page_that_exists()
    {
        var client = await factory.CreateReadyClientAsync();
        var links = new SortedSet<string>(StringComparer.Ordinal);
        var pages = ConsoleRoutes.Basic.Concat(["/artifacts?size=200", "/compliance-reports?size=200", "/service-engagement", "/devices?size=200"]);
        foreach (var page in pages)
        {
            var html = await client.GetStringAsync(page);
            foreach (Match m in Href().Matches(html))
            {
                var href = WebUtility.HtmlDecode(m.Groups[1].Value).Split('#')[0];
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && href.Length > 0)
                {
                    links.Add(href);
                }
            }
        }

        var broken = new List<string>();
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{(int)response.StatusCode} {link}");
            }
        }

        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken));
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}

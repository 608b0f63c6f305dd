using System.Net;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Tests.Hardening;

namespace OpsConsole.Web.Tests.Secrets;

/// <summary>
/// Secret forms × every page, export, reason, audit row and log line: the full value never appears,
/// the masked form (first 4 characters and a fixed mask) does where the value is shown.
/// </summary>
public sealed class SecretExposureTests(SecretTreeFactory factory) : IClassFixture<SecretTreeFactory>
{
    private static readonly string[] Exports =
    [
        "/", "/devices?format=csv", "/devices?format=json", "/compliance-reports?format=csv", "/compliance-reports?format=json",
        "/incidents?format=csv", "/incidents?format=json", "/batch-results?format=csv", "/batch-results?format=json",
        "/approval-queue?format=csv", "/approval-queue?format=json", "/service-engagement?format=csv", "/service-engagement?format=json",
        "/controlled-operation?format=csv", "/controlled-operation?format=json", "/audit?format=csv", "/audit?format=json",
        "/artifacts?format=csv", "/artifacts?format=json", "/artifacts?unreadable=true&format=json",
        "/service-engagement/4WNET-MNS-KTG-RX?handler=template", "/compliance-reports/CR-2026-11-21-4WNET-MNS-KTG-RX",
        "/incidents/INC-0077", "/metrics-board", "/metrics-board?format=csv", "/metrics-board?format=json",
        "/metrics-board/decisions?format=csv", "/metrics-board/decisions?format=json", "/shift?format=md", "/shift?format=json",
    ];

    // Pages that show a field holding the planted text: each must show the masked value instead.
    public static TheoryData<string> PagesShowingTheValue =>
    [
        "/incidents/INC-0042", "/incidents", "/approval-timeline/APR-2026-0110", "/batch-results/BATCH-0111",
        "/controlled-operation/cycle-002/gates/start-gate", "/compliance-reports/CR-2026-11-21-4WNET-MNS-KTG-RX",
        "/service-engagement/4WNET-MNS-KTG-RX/items/tenant", "/artifacts?unreadable=true", "/stop-conditions", "/",
        "/metrics-board/decisions", "/metrics-board/decisions?format=csv",
        "/incidents?format=csv", "/incidents?format=json",
    ];

    [Fact]
    public async Task No_secret_form_is_readable_on_any_page_or_export()
    {
        var client = await factory.CreateReadyClientAsync();
        var leaks = new List<string>();
        foreach (var page in ConsoleRoutes.Basic.Concat(Exports).Distinct())
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{page}: {response.StatusCode}");
            leaks.AddRange(SecretForms.LeakedIn(await response.Content.ReadAsStringAsync()).Select(form => $"{page}: {form}"));
        }

        Assert.Empty(leaks);
    }

    [Theory]
    [MemberData(nameof(PagesShowingTheValue))]
    public async Task A_page_that_shows_a_secret_bearing_value_shows_it_masked(string page)
    {
        var client = await factory.CreateReadyClientAsync();

        var body = await client.GetStringAsync(page);

        Assert.Empty(SecretForms.LeakedIn(body));
        Assert.Contains(SecretForms.Readings(body), r => r.Contains(SecretScanner.Mask(SecretForms.GitHubPat), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_conditions_name_the_file_and_line_of_each_secret_with_the_masked_value()
    {
        var client = await factory.CreateReadyClientAsync();

        var body = WebUtility.HtmlDecode(await client.GetStringAsync("/stop-conditions"));

        Assert.Contains("incidents/INC-0042.json", body, StringComparison.Ordinal);
        Assert.Contains("handoff/noc-handoff.md", body, StringComparison.Ordinal);
        Assert.Contains("engagement/4WNET-MNS-KTG-RX/responses.csv", body, StringComparison.Ordinal);
        Assert.Matches(@"line \d+: NETBOX_WRITE_TOKEN with a value \(9f8e••••••••\)", body);
        Assert.Empty(SecretForms.LeakedIn(body));
    }

    [Fact]
    public async Task A_refused_download_of_a_secret_bearing_path_is_audited_and_logged_masked()
    {
        var client = await factory.CreateReadyClientAsync();
        var path = $"other/{SecretForms.GitHubPat}.txt";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/download?path=" + Uri.EscapeDataString(path))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/incidents/" + SecretForms.GitHubPat)).StatusCode);

        var audit = await client.GetStringAsync("/audit");
        var auditCsv = await client.GetStringAsync("/audit?format=csv");
        Assert.Empty(SecretForms.LeakedIn(audit));
        Assert.Empty(SecretForms.LeakedIn(auditCsv));
        Assert.Contains(SecretScanner.Mask(SecretForms.GitHubPat), WebUtility.HtmlDecode(audit), StringComparison.Ordinal);
        Assert.Empty(SecretForms.LeakedIn(ReadLogs()));
        Assert.Contains("ghp_", ReadLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_log_never_holds_a_secret_after_every_page_and_a_token_in_an_address_were_served()
    {
        var client = await factory.CreateReadyClientAsync();
        foreach (var page in ConsoleRoutes.Basic)
        {
            await client.GetAsync(page);
        }

        await client.GetAsync("/download?path=" + Uri.EscapeDataString(SecretTreeFactory.UnreadableIncident));

        // The request log names the path (never the query): a token pasted into an address reaches the log.
        await client.GetAsync("/devices/" + Uri.EscapeDataString(SecretForms.SlackToken));

        Assert.Empty(SecretForms.LeakedIn(ReadLogs()));
    }

    private string ReadLogs() => string.Concat(Directory.EnumerateFiles(factory.LogDirectory).Select(f =>
    {
        using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }));
}

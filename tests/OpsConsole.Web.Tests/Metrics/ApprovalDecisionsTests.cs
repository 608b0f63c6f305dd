using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Metrics;

/// <summary>
/// The approval decisions audit view (/metrics-board/decisions): who decided what, a self-approval the CLI refused,
/// and a decision taken while a stop condition held (by the change journal); filters, paging and exports.
/// </summary>
public sealed class ApprovalDecisionsTests(MonthlyReviewFactory factory) : IClassFixture<MonthlyReviewFactory>
{
    private async Task<HttpClient> ClientAsync()
    {
        var client = await factory.CreateReadyClientAsync();
        factory.SeedStopConditionJournal();
        return client;
    }

    [Fact]
    public async Task A_self_approval_refused_by_the_cli_is_listed_as_a_refused_attempt()
    {
        var client = await ClientAsync();
        var refused = await factory.RunCliAsync("approval", "approve", "APR-2026-0107", "--actor", "ana.souza", "--reason", "mine");
        Assert.Equal(1, refused.Exit);

        var rows = await Page.JsonRowsAsync(client, "/metrics-board/decisions?only=refused");

        var row = Assert.Single(rows);
        Assert.Equal(("APR-2026-0107", "DEV-A", "approved", "ana.souza", "refused", "audit"),
            (row["approval_id"], row["device"], row["to"], row["actor"], row["outcome"], row["source"]));
        Assert.Null(row["from"]);
        Assert.Contains("self-approval", row["reason"]);
    }

    [Fact]
    public async Task A_decision_taken_while_a_stop_condition_held_is_flagged_with_the_condition()
    {
        var client = await ClientAsync();

        // Narrowed to bruno.reis: the refused attempt of another test is dated by the real clock, after the seeded sets.
        var rows = await Page.JsonRowsAsync(client, "/metrics-board/decisions?only=while-stop&actor=bruno");
        var html = await Page.HtmlAsync(client, "/metrics-board/decisions?only=while-stop&actor=bruno");

        var row = Assert.Single(rows);
        Assert.Equal(("APR-2026-0106", "DEV-C", "pending", "rejected", "bruno.reis", "decided", "4:triggered", "true"),
            (row["approval_id"], row["device"], row["from"], row["to"], row["actor"], row["outcome"], row["stop_conditions"], row["while_stop_condition"]));
        Assert.Equal("2026-11-11T09:00:00-03:00", row["at"]);
        Assert.Contains("data-while-stop=\"true\"", html);
        Assert.Contains("4 Open critical incident (Triggered)", Page.Text(html));
    }

    [Fact]
    public async Task Every_transition_is_listed_with_who_decided_and_the_conditions_in_force_then()
    {
        var client = await ClientAsync();

        var rows = await Page.JsonRowsAsync(client, "/metrics-board/decisions?size=200");

        var decided = rows.Where(r => r["outcome"] == "decided").ToList();
        // 7 records: one submit each (proposed → pending) and 7 later transitions.
        Assert.Equal(14, decided.Count);
        var approval = Assert.Single(decided, r => r["approval_id"] == "APR-2026-0101" && r["to"] == "approved");
        Assert.Equal(("pending", "carlos.lima", "approved 2026-10-03T12:00:00Z", "", "false"),
            (approval["from"], approval["actor"], approval["reason"], approval["stop_conditions"], approval["while_stop_condition"]));
    }

    [Fact]
    public async Task The_month_filter_uses_the_shift_zone_and_the_actor_filter_matches_part_of_a_name()
    {
        var client = await ClientAsync();

        var october = await Page.JsonRowsAsync(client, "/metrics-board/decisions?month=2026-10");
        var bruno = await Page.JsonRowsAsync(client, "/metrics-board/decisions?actor=BRUNO");

        // Approved at 2026-11-01T02:00Z: 31 October, 23:00 in São Paulo.
        Assert.Contains(october, r => r["approval_id"] == "APR-2026-0103" && r["to"] == "approved");
        Assert.DoesNotContain(october, r => r["approval_id"] == "APR-2026-0104");
        Assert.Equal([("APR-2026-0106", "rejected"), ("APR-2026-0102", "rejected")], bruno.Select(r => (r["approval_id"]!, r["to"]!)).ToList());
    }

    [Fact]
    public async Task The_view_pages_and_exports_csv()
    {
        var client = await ClientAsync();

        var html = await Page.HtmlAsync(client, "/metrics-board/decisions?actor=bruno&size=1");
        var csv = await client.GetStringAsync("/metrics-board/decisions?actor=bruno&format=csv");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<tr data-approval="));
        Assert.Contains("rel=\"next\"", html);
        var lines = csv.Trim().Split('\n');
        Assert.Equal("at,approval_id,device,from,to,actor,outcome,reason,stop_conditions,while_stop_condition,source", lines[0].TrimEnd('\r'));
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task The_view_is_in_portuguese_too()
    {
        var client = await ClientAsync();

        var text = Page.Text(await Page.HtmlAsync(client, "/metrics-board/decisions?culture=pt-BR&only=while-stop"));

        Assert.Contains("Decisões de aprovação", text);
        Assert.Contains("Condições de parada naquele momento", text);
    }
}

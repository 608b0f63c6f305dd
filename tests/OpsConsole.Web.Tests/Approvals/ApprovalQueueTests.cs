using System.Net;
using System.Text.Json;

namespace OpsConsole.Web.Tests.Approvals;

public sealed class ApprovalQueueTests(ApprovalsFactory factory) : IClassFixture<ApprovalsFactory>
{
    public static TheoryData<string, string[]> States => new()
    {
        { "proposed", ["APR-2026-0200"] },
        { "pending", ["APR-2026-0201", "APR-2026-0301", "APR-2026-0202", "APR-2026-0399"] },
        { "approved", ["APR-2026-0203", "APR-2026-0303", "APR-2026-0300", "APR-2026-0302"] },
        { "rejected", ["APR-2026-0204", "APR-2026-0304"] },
        { "applied", ["APR-2026-0205"] },
        { "expired", ["APR-2026-0206"] },
    };

    [Theory]
    [MemberData(nameof(States))]
    public async Task Each_state_tab_lists_exactly_the_records_in_that_state_folder(string state, string[] ids)
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync($"/approval-queue?state={state}");

        Assert.Equal(ids, Html.QueueIds(html));
        Assert.Contains($"href=\"/approval-queue?state={state}\" aria-current=\"page\"", html);
    }

    [Fact]
    public async Task All_lists_every_record_longest_in_its_state_first_with_the_unreadable_one_last()
    {
        var client = await factory.CreateReadyClientAsync();

        var ids = Html.QueueIds(await client.GetStringAsync("/approval-queue"));

        Assert.Equal(13, ids.Count);
        Assert.Equal("APR-2026-0206", ids[0]);
        Assert.Equal("APR-2026-0399", ids[^1]);
    }

    [Fact]
    public async Task Sorting_by_age_ascending_reverses_the_order_and_keeps_unreadable_last()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-queue?state=pending&sort=age");

        Assert.Equal(["APR-2026-0202", "APR-2026-0301", "APR-2026-0201", "APR-2026-0399"], Html.QueueIds(html));
    }

    [Fact]
    public async Task A_row_shows_device_batch_risk_requester_age_and_expiry()
    {
        var client = await factory.CreateReadyClientAsync();

        var row = Html.RowOf(await client.GetStringAsync("/approval-queue"), "APR-2026-0202");

        Assert.Contains("<a href=\"/devices/4WNET-MNS-KTG-RX\">4WNET-MNS-KTG-RX</a>", row);
        Assert.Contains("<a href=\"/batch-results/BATCH-0202\">BATCH-0202</a>", row);
        Assert.Contains("data-status=\"medium\"", row);
        Assert.Contains("ana.souza", row);
        Assert.Contains("5 d 2 h", row);
        Assert.Contains("<time datetime=\"2099-01-01T00:00:00", row);
        Assert.Contains("data-status=\"ok\"", row);
    }

    [Fact]
    public async Task A_record_undecided_for_longer_than_the_decision_target_carries_a_warning()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-queue");

        Assert.Contains("data-status=\"overdue\"", Html.RowOf(html, "APR-2026-0201"));
        Assert.Contains("undecided for more than 7 days", Html.RowOf(html, "APR-2026-0201"));
        Assert.DoesNotContain("data-status=\"overdue\"", Html.RowOf(html, "APR-2026-0202"));
        Assert.DoesNotContain("data-status=\"overdue\"", Html.RowOf(html, "APR-2026-0206"));
    }

    [Theory]
    [InlineData("bruno", new[] { "APR-2026-0201", "APR-2026-0204", "APR-2026-0206", "APR-2026-0300", "APR-2026-0301", "APR-2026-0304" })]
    [InlineData("batch-0203", new[] { "APR-2026-0203" })]
    [InlineData("olt-ktg-07", new[] { "APR-2026-0201", "APR-2026-0204", "APR-2026-0206", "APR-2026-0300", "APR-2026-0301", "APR-2026-0304" })]
    public async Task Search_matches_requester_batch_or_device_case_insensitively(string q, string[] ids)
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync($"/approval-queue?q={q}");

        Assert.Equal(ids.Order(), Html.QueueIds(html).Order());
    }

    [Fact]
    public async Task A_search_without_matches_says_so()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-queue?q=nobody-at-all");

        Assert.Contains("No approval matches these filters.", html);
        Assert.Empty(Html.QueueIds(html));
    }

    [Fact]
    public async Task The_inconsistent_filter_lists_only_records_with_findings_naming_their_rules()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-queue?check=inconsistent");

        Assert.Equal(["APR-2026-0300", "APR-2026-0301", "APR-2026-0302", "APR-2026-0303", "APR-2026-0304", "APR-2026-0399"],
            Html.QueueIds(html).Order());
        Assert.Contains("folder-state", Html.RowOf(html, "APR-2026-0300"));
        Assert.Contains("self-approval", Html.RowOf(html, "APR-2026-0302"));
        Assert.Contains("data-status=\"inconsistent\"", Html.RowOf(html, "APR-2026-0304"));
    }

    [Fact]
    public async Task The_unreadable_record_is_listed_with_its_reason_and_links_to_its_timeline()
    {
        var client = await factory.CreateReadyClientAsync();

        var row = Html.RowOf(await client.GetStringAsync("/approval-queue?state=pending"), "APR-2026-0399");

        Assert.Contains("data-status=\"unreadable\"", row);
        Assert.Contains("Unreadable: ", row);
    }

    [Theory]
    [InlineData("size=5", 5, "Page 1 of 3 (13 rows)")]
    [InlineData("size=5&page=3", 3, "Page 3 of 3 (13 rows)")]
    [InlineData("size=5&page=99", 3, "Page 3 of 3 (13 rows)")]
    [InlineData("size=5&page=-4", 5, "Page 1 of 3 (13 rows)")]
    [InlineData("size=0", 13, "Page 1 of 1 (13 rows)")]
    [InlineData("size=100000", 13, "Page 1 of 1 (13 rows)")]
    public async Task Paging_is_clamped_to_existing_pages_and_sizes(string query, int rows, string status)
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync($"/approval-queue?{query}");

        Assert.Equal(rows, Html.QueueIds(html).Count);
        Assert.Contains(status, html);
    }

    [Fact]
    public async Task Json_export_holds_exactly_the_rows_of_the_shown_page()
    {
        var client = await factory.CreateReadyClientAsync();
        var shown = Html.QueueIds(await client.GetStringAsync("/approval-queue?size=5&page=2"));

        var response = await client.GetAsync("/approval-queue?size=5&page=2&format=json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(shown, json.RootElement.EnumerateArray().Select(r => r.GetProperty("approval_id").GetString()!).ToList());
    }

    [Fact]
    public async Task Csv_export_of_a_filtered_queue_has_a_header_and_one_line_per_shown_row()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/approval-queue?state=pending&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("approval_id,state,device,batch_id,risk,requested_by", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("APR-2026-0201,pending,OLT-KTG-07,BATCH-0201,high,bruno.alves,", StringComparison.Ordinal) && l.Contains(",true,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("APR-2026-0399,pending,", StringComparison.Ordinal) && l.Contains("unreadable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_queue_speaks_portuguese_and_has_no_post_form()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/approval-queue?culture=pt-BR&state=pending");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Fila de aprovações</h1>", html);
        Assert.Contains("Pendente (4)", html);
        Assert.Contains("sem decisão há mais de 7 dias", html);
        Assert.Contains("Só registros com achados", html);
        Assert.DoesNotContain("method=\"post\"", html, StringComparison.OrdinalIgnoreCase);
    }
}

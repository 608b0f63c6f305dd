using System.Net;

namespace OpsConsole.Web.Tests.Operations;

/// <summary>Every route of the issue on the demo-like cycle-002 (full reference ladder).</summary>
public sealed class OperationRouteTests(OperationsFactory factory) : IClassFixture<OperationsFactory>
{
    private const string ReadOnly = "Read-only: no NetBox write, apply, sync or automation is triggered from here.";

    public static TheoryData<string, string> GateRoutes => new()
    {
        { "week1/intake", "week1-intake" },
        { "week1/validation", "week1-validation" },
        { "week2/review", "week2-review" },
        { "approvals", "week2-proposed-approvals" },
        { "approvals/readiness", "week2-readiness-gate" },
        { "approvals/manual-review", "manual-review" },
        { "applyplan", "applyplan-dryrun" },
        { "applyplan/validation", "applyplan-validation" },
        { "applyplan/dryrun-gate", "dryrun-gate" },
        { "applyplan/simulation", "simulation" },
        { "applyplan/real-write-readiness", "real-write-readiness" },
        { "applyplan/real-write-authorization", "real-write-authorization" },
        { "applyplan/real-write-preflight", "real-write-preflight" },
        { "applyplan/real-write-package", "real-write-package" },
        { "applyplan/real-write-freeze", "real-write-freeze" },
        { "gates/start-gate", "start-gate" },
        { "gates/week1-activation", "week1-activation" },
        { "gates/week2-test-decision-seed", "week2-test-decision-seed" },
        { "gates/real-write-attempt", "real-write-attempt" },
    };

    [Theory]
    [MemberData(nameof(GateRoutes))]
    public async Task Each_named_route_shows_its_gate_with_checks_requires_evidence_raw_file_and_the_read_only_banner(string route, string gate)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync($"/controlled-operation/cycle-002/{route}?culture=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ReadOnly, html);
        Assert.Contains($"<dd class=\"path\">{gate}</dd>", html);
        Assert.Contains("id=\"op-checks\"", html);
        Assert.Contains("What this gate requires", html);
        Assert.Contains("id=\"op-raw\"", html);
        Assert.Contains($"&quot;gate&quot;: &quot;{gate}&quot;", html);
        Assert.Single(html.Split("<h1>").Skip(1));
    }

    [Fact]
    public async Task The_gate_page_and_the_gates_route_render_the_same_gate()
    {
        var client = await factory.CreateReadyClientAsync();

        var named = await client.GetStringAsync("/controlled-operation/cycle-002/approvals/readiness");
        var generic = await client.GetStringAsync("/controlled-operation/cycle-002/gates/week2-readiness-gate");

        Assert.Contains("<h1>Readiness gate</h1>", named);
        Assert.Contains("<h1>Readiness gate</h1>", generic);
    }

    [Fact]
    public async Task The_list_shows_cycle_002_blocked_with_its_start_gate_current_gate_and_blocked_gates()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation?culture=en");

        Assert.Contains(ReadOnly, html);
        var row = Row(html, "/controlled-operation/cycle-002\"");
        Assert.Contains("data-status=\"blocked\"", row);
        Assert.Contains("/controlled-operation/cycle-002/gates/start-gate\">start-gate</a> <span class=\"chip chip-ok\"", row);
        Assert.Contains("/controlled-operation/cycle-002/applyplan/real-write-attempt\">real-write-attempt</a>", row);
        Assert.Contains("Frozen", row);
    }

    [Fact]
    public async Task The_list_exports_what_it_shows_as_csv()
    {
        var client = await factory.CreateReadyClientAsync();

        var csv = await client.GetStringAsync("/controlled-operation?format=csv");

        Assert.StartsWith("cycle_id,title,status,current_gate", csv);
        Assert.Contains("cycle-002,Cycle-002 — controlled operation,blocked,real-write-attempt,blocked,real-write-attempt,passed,true", csv);
        Assert.Contains("cycle-missing,Cycle with a missing gate file,unknown,week1-validation,unknown,,passed,false", csv);
    }

    [Fact]
    public async Task The_cycle_page_groups_all_24_reference_gates_by_stage_with_mode_badges_and_the_attempt_result()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-002?culture=en");

        Assert.Equal(24, html.Split("data-gate=\"").Length - 1);
        foreach (var stage in new[] { "Start", "Week 1", "Week 2", "Approvals", "Apply plan (dry-run)", "Real write" })
        {
            Assert.Contains($">{stage}", html);
        }

        Assert.Contains("data-status=\"dry-run\"", html);
        Assert.Contains("data-status=\"simulation\"", html);
        Assert.Contains("data-status=\"read-only\"", html);
        Assert.Contains("Real-write attempt result", html);
        Assert.Contains("write token present", html);
        Assert.Contains("target endpoint executable", html);
        Assert.Contains("id=\"op-freeze-banner\"", html);
    }

    [Fact]
    public async Task Week1_lists_its_gates_responses_and_copyable_local_commands()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-002/week1?culture=en");

        Assert.Contains("<h1>Week 1: status</h1>", html);
        foreach (var gate in new[] { "week1-activation", "week1-preparation", "week1-intake", "week1-validation", "week1-response-seed", "week1-revalidation" })
        {
            Assert.Contains($"data-gate=\"{gate}\"", html);
        }

        Assert.DoesNotContain("data-gate=\"week2-review\"", html);
        Assert.Contains($"<pre id=\"cmd-index\">opsconsole index --root {factory.Root}</pre>", html);
        Assert.Contains("data-copy-target=\"cmd-index\"", html);
        Assert.Contains($"<pre id=\"cmd-check\">opsconsole check --root {factory.Root}</pre>", html);
        Assert.Contains($"opsconsole validate batch-plan --root {factory.Root} --plan {factory.Root}/batches/plans/BATCH-0201.json --expected-device-id 1890 --expected-device 4WNET-MNS-KTG-RX", html);
        Assert.Contains("Response seed guidance", html);
        Assert.Contains("href=\"/service-engagement/4WNET-MNS-KTG-RX\"", html);
        Assert.Contains("engagement/4WNET-MNS-KTG-RX/responses.csv", html);
    }

    [Fact]
    public async Task Week2_lists_its_gates_and_the_local_drafts_they_cite()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-002/week2?culture=en");

        Assert.Contains("<h1>Week 2: status</h1>", html);
        Assert.Contains("Review board and local drafts", html);
        Assert.Contains("data-gate=\"week2-review\"", html);
        Assert.Contains("data-gate=\"week2-manual-approval-ready\"", html);
        Assert.Contains("href=\"/controlled-operation/cycle-002/week2/review\"", html);
        Assert.DoesNotContain("data-gate=\"week1-intake\"", html);
    }

    [Fact]
    public async Task Real_write_gates_show_the_attempt_blocked_in_preflight()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-002/applyplan/real-write-preflight?culture=en");

        Assert.Contains("Real-write attempt result", html);
        Assert.Contains("Real-write attempt blocked safely in preflight", html);
        Assert.Contains("no NETBOX_WRITE_TOKEN existed in the environment", html);
        Assert.Contains("the execution package target endpoint was not executable", html);
    }

    [Fact]
    public async Task Every_cycle_page_carries_the_freeze_banner_while_the_freeze_is_in_effect()
    {
        var client = await factory.CreateReadyClientAsync();

        foreach (var route in new[] { "", "/week1", "/week2", "/approvals", "/applyplan/simulation", "/gates/start-gate" })
        {
            var html = await client.GetStringAsync($"/controlled-operation/cycle-002{route}?culture=en");
            Assert.Contains("Freeze in effect.", html);
            Assert.Contains("href=\"/controlled-operation/cycle-002/applyplan/real-write-freeze\"", html);
        }
    }

    [Fact]
    public async Task Pages_are_translated_to_portuguese()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-002/week1?culture=pt-BR");

        Assert.Contains("<h1>Semana 1: status</h1>", html);
        Assert.Contains("Somente leitura: nenhuma escrita no NetBox", html);
        Assert.Contains("Congelamento em vigor.", html);
        Assert.Contains("Comandos locais", html);
    }

    [Theory]
    [InlineData("/controlled-operation/cycle-404")]
    [InlineData("/controlled-operation/cycle-404/week1")]
    [InlineData("/controlled-operation/Cycle-002")]
    [InlineData("/controlled-operation/cycle-002/gates/Start-Gate")]
    [InlineData("/controlled-operation/cycle-002/gates")]
    [InlineData("/controlled-operation/cycle-002/week3")]
    [InlineData("/controlled-operation/cycle-002/applyplan/rollback")]
    [InlineData("/controlled-operation/..%2f..%2fetc/week1")]
    public async Task Unknown_cycles_and_addresses_are_a_404_in_the_users_language(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync(path + "?culture=pt-BR");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Não encontrado", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_pages_offer_no_form_and_refuse_posts()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-002/applyplan/real-write-authorization");
        var post = await client.PostAsync("/controlled-operation/cycle-002/applyplan/real-write-authorization", new StringContent(""));

        Assert.DoesNotContain("<form", html);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    internal static string Row(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{marker} not found");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[start..end];
    }
}

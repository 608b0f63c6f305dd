using System.Net;

namespace OpsConsole.Web.Tests.Operations;

/// <summary>The fail-closed rules on the fixture cycles: complete, blocked in preflight, missing file, out of order.</summary>
public sealed class FixtureCycleTests(OperationsFactory factory) : IClassFixture<OperationsFactory>
{
    [Fact]
    public async Task A_complete_cycle_is_passed_with_no_current_gate_and_shows_the_freeze()
    {
        var client = await factory.CreateReadyClientAsync();

        var list = await client.GetStringAsync("/controlled-operation?culture=en");
        var html = await client.GetStringAsync("/controlled-operation/cycle-complete?culture=en");

        var row = OperationRouteTests.Row(list, "/controlled-operation/cycle-complete\"");
        Assert.Contains("data-status=\"passed\"", row);
        Assert.Contains("All gates passed", row);
        Assert.DoesNotContain("data-status=\"blocked\"", html);
        Assert.Contains("id=\"op-freeze-banner\"", html);
    }

    [Fact]
    public async Task Named_routes_for_gates_a_short_ladder_lacks_say_so_with_a_404()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/controlled-operation/cycle-complete/approvals/readiness?culture=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Cycle cycle-complete has no gate week2-readiness-gate in its ladder", html);
        Assert.Contains("Read-only: no NetBox write", html);
    }

    [Fact]
    public async Task Validation_page_says_which_responses_are_missing_before_they_exist()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-complete/week1/validation?culture=en");

        Assert.Contains("Intake and validation depend on responses that do not exist yet", html);
        Assert.Contains("engagement/EDGE-BEL-01/responses.csv is missing: save the answers of EDGE-BEL-01", html);
        Assert.Contains("href=\"/service-engagement/EDGE-BEL-01\"", html);
    }

    [Fact]
    public async Task A_cycle_blocked_in_preflight_names_the_failing_checks_and_the_attempt_result()
    {
        var client = await factory.CreateReadyClientAsync();

        var list = await client.GetStringAsync("/controlled-operation?culture=en");
        var gate = await client.GetStringAsync("/controlled-operation/cycle-preflight/applyplan/real-write-preflight?culture=en");
        var attempt = await client.GetStringAsync("/controlled-operation/cycle-preflight/gates/real-write-attempt?culture=en");

        var row = OperationRouteTests.Row(list, "/controlled-operation/cycle-preflight\"");
        Assert.Contains("/controlled-operation/cycle-preflight/applyplan/real-write-preflight\">real-write-preflight</a> <span class=\"chip chip-bad\" data-status=\"blocked\"", row);
        Assert.Contains("check write-token failed: no NETBOX_WRITE_TOKEN existed in the environment", gate);
        Assert.Contains("check target-endpoint failed: the execution package target endpoint was not executable", gate);
        Assert.Contains("Real-write attempt result", gate);
        Assert.Contains("requires real-write-preflight, which is blocked", attempt);
        Assert.Contains("write token present", attempt);
        Assert.Contains("target endpoint executable", attempt);
        Assert.DoesNotContain("id=\"op-freeze-banner\"", gate);
    }

    [Fact]
    public async Task A_missing_gate_file_is_unknown_never_passed_and_taints_the_cycle()
    {
        var client = await factory.CreateReadyClientAsync();

        var list = await client.GetStringAsync("/controlled-operation?culture=en");
        var gate = await client.GetStringAsync("/controlled-operation/cycle-missing/week1/validation?culture=en");
        var next = await client.GetStringAsync("/controlled-operation/cycle-missing/week2/review?culture=en");

        Assert.Contains("data-status=\"unknown\"", OperationRouteTests.Row(list, "/controlled-operation/cycle-missing\""));
        Assert.Contains("file operations/cycle-missing/week1-validation.json is missing", gate);
        Assert.Contains("No file: operations/cycle-missing/week1-validation.json does not exist yet", gate);
        Assert.DoesNotContain("id=\"op-raw\"", gate);
        Assert.Contains("requires week1-validation, which is unknown (file operations/cycle-missing/week1-validation.json is missing)", next);
    }

    [Fact]
    public async Task A_gate_passed_while_its_required_gate_is_blocked_is_shown_as_an_out_of_order_violation()
    {
        var client = await factory.CreateReadyClientAsync();

        var list = await client.GetStringAsync("/controlled-operation?culture=en");
        var cycle = await client.GetStringAsync("/controlled-operation/cycle-disorder?culture=en");
        var gate = await client.GetStringAsync("/controlled-operation/cycle-disorder/week1/validation?culture=en");

        Assert.Contains("data-status=\"violation\"", OperationRouteTests.Row(list, "/controlled-operation/cycle-disorder\""));
        Assert.Contains("id=\"op-violation-banner\"", cycle);
        Assert.Contains("data-status=\"violation\"", OperationRouteTests.Row(gate.Replace("<dd>", "<tr>").Replace("</dd>", "</tr>"), "data-status=\"violation\""));
        Assert.Contains("marked passed while it requires week1-intake, which is blocked (check responses failed: no responses.csv for EDGE-BEL-01)", gate);
        Assert.Contains("file says", gate);
    }

    [Fact]
    public async Task Timestamps_going_backwards_along_the_ladder_are_flagged()
    {
        var client = await factory.CreateReadyClientAsync();

        var cycle = await client.GetStringAsync("/controlled-operation/cycle-disorder?culture=en");
        var gate = await client.GetStringAsync("/controlled-operation/cycle-disorder/week2/review?culture=pt-BR");

        Assert.Contains("Timestamps go backwards along the ladder", cycle);
        Assert.Contains("generated at 2026-11-02T00:00:00Z, before week1-validation (generated at 2026-11-02T06:00:00Z)", cycle);
        Assert.Contains("gerado em 2026-11-02T00:00:00Z, antes de week1-validation", gate);
    }

    [Fact]
    public async Task A_quarantined_gate_file_is_not_shown_raw_nor_offered_for_download()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-disorder/week1/intake?culture=en");

        Assert.Contains("id=\"op-raw-withheld\"", html);
        Assert.DoesNotContain("id=\"op-raw\"", html);
        Assert.DoesNotContain("s3cr3tVALUE", html);
        Assert.DoesNotContain("download?path=operations%2Fcycle-disorder%2Fweek1-intake.json", html);
    }

    [Fact]
    public async Task Cycles_added_as_files_appear_without_code_an_unreadable_gate_is_unknown_and_a_pass_with_a_failing_check_is_a_violation()
    {
        using var own = new OperationsFactory();
        var dir = Path.Combine(own.Root, "operations", "cycle-003");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "cycle.json"), """
            {"schema":"opsconsole/cycle@1","cycle_id":"cycle-003","title":"Cycle 003","started_at":"2026-12-01T06:00:00Z","status":"active",
             "ladder":[{"gate":"start-gate","title":"Start","stage":"start","requires":[]},
                       {"gate":"manual-review","title":"Manual review","stage":"approvals","requires":["start-gate"]}]}
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "start-gate.json"), "{ not json");
        var other = Path.Combine(own.Root, "operations", "cycle-004");
        Directory.CreateDirectory(other);
        await File.WriteAllTextAsync(Path.Combine(other, "cycle.json"), """
            {"schema":"opsconsole/cycle@1","cycle_id":"cycle-004","title":"Cycle 004","started_at":"2026-12-01T06:00:00Z","status":"active",
             "ladder":[{"gate":"start-gate","title":"Start","stage":"start","requires":[]}]}
            """);
        await File.WriteAllTextAsync(Path.Combine(other, "start-gate.json"), """
            {"schema":"opsconsole/gate@1","cycle_id":"cycle-004","gate":"start-gate","title":"Start","status":"passed",
             "generated_at":"2026-12-01T06:00:00Z","summary":"ready","evidence":[],
             "checks":[{"id":"inventory","title":"inventory present","status":"fail","detail":"devices.json lists no device"}]}
            """);
        var client = await own.CreateReadyClientAsync();

        var list = await client.GetStringAsync("/controlled-operation?culture=en");
        var gate = await client.GetStringAsync("/controlled-operation/cycle-003/gates/start-gate?culture=en");
        var review = await client.GetAsync("/controlled-operation/cycle-003/approvals/manual-review?culture=en");

        Assert.Contains("data-status=\"unknown\"", OperationRouteTests.Row(list, "/controlled-operation/cycle-003\""));
        Assert.Contains("file operations/cycle-003/start-gate.json is unreadable", gate);
        Assert.DoesNotContain("data-status=\"passed\"", gate);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);

        var failing = await client.GetStringAsync("/controlled-operation/cycle-004/gates/start-gate?culture=en");
        Assert.Contains("marked passed while check inventory failed: devices.json lists no device", failing);
        Assert.Contains("data-status=\"violation\"", OperationRouteTests.Row(list, "/controlled-operation/cycle-004\""));
    }
}

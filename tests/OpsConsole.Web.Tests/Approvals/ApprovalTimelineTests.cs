using System.Net;

namespace OpsConsole.Web.Tests.Approvals;

public sealed class ApprovalTimelineTests(ApprovalsFactory factory) : IClassFixture<ApprovalsFactory>
{
    [Fact]
    public async Task The_history_is_an_ordered_list_oldest_first_with_who_when_transition_and_reason()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-timeline/APR-2026-0203");

        var list = html[html.IndexOf("<ol class=\"approval-timeline\">", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("</ol>", StringComparison.Ordinal)];
        Assert.Equal(3, list.Split("<li>").Length - 1);
        Assert.Equal(3, list.Split("<time datetime=").Length - 1);
        var drafted = list.IndexOf("drafted", StringComparison.Ordinal);
        var submitted = list.IndexOf("submitted", StringComparison.Ordinal);
        var approved = list.IndexOf("risk reviewed with the site team", StringComparison.Ordinal);
        Assert.True(drafted >= 0 && drafted < submitted && submitted < approved, "history is not oldest first");
        Assert.Contains("by carlos.lima", list);
        Assert.Contains("<time datetime=\"2026-11-12T09:00:00", list);
    }

    [Fact]
    public async Task The_record_shows_risk_changes_and_related_plan_results_and_device_compliance()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-timeline/APR-2026-0203");

        Assert.Contains("data-status=\"critical\"", html);
        Assert.Contains("notes for APR-2026-0203", html);
        Assert.Contains("change of APR-2026-0203", html);
        Assert.Contains("2 object(s)", html);
        Assert.Contains("data-status=\"complete\"", html);
        Assert.Contains("run1", html);
        Assert.Contains("href=\"/batch-results/BATCH-0203\"", html);
        Assert.Contains("compliance/2026-11-21/EDGE-BEL-01.json", html);
        Assert.Contains("data-status=\"divergent\"", html);
        Assert.Contains("href=\"/devices/EDGE-BEL-01\"", html);
        Assert.Contains("None holds now.", html);
    }

    [Fact]
    public async Task The_page_gives_the_exact_cli_commands_with_the_id_and_a_copy_button_but_no_form()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-timeline/APR-2026-0202");

        Assert.Contains("<pre id=\"cmd-approve\">opsconsole approval approve APR-2026-0202 --actor &quot;&lt;your name&gt;&quot; --reason &quot;&lt;why&gt;&quot;</pre>", html);
        Assert.Contains("<pre id=\"cmd-reject\">opsconsole approval reject APR-2026-0202 --actor &quot;&lt;your name&gt;&quot; --reason &quot;&lt;why&gt;&quot;</pre>", html);
        Assert.Contains("<pre id=\"cmd-approve-repo\">dotnet run --project src/OpsConsole.Cli -- approval approve APR-2026-0202 --actor", html);
        Assert.Contains("<pre id=\"cmd-reject-repo\">dotnet run --project src/OpsConsole.Cli -- approval reject APR-2026-0202 --actor", html);
        Assert.Contains("<button type=\"button\" class=\"secondary\" data-copy-target=\"cmd-approve\"", html);
        Assert.Matches("data-copy-target=\"cmd-approve\"[^>]* hidden>", html);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_record_that_is_not_pending_warns_that_the_cli_would_refuse_a_decision()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-timeline/APR-2026-0205?culture=pt-BR");

        Assert.Contains("Este registro está como Aplicada", html);
        Assert.Contains("opsconsole approval approve APR-2026-0205 --actor &quot;&lt;seu nome&gt;&quot; --reason &quot;&lt;motivo&gt;&quot;", html);
    }

    public static TheoryData<string, string, string, string> Findings => new()
    {
        { "APR-2026-0300", "folder-state", "Folder differs from state", "Pasta diferente do estado" },
        { "APR-2026-0301", "history-state", "Last history entry differs from state", "Última entrada do histórico diferente do estado" },
        { "APR-2026-0302", "self-approval", "Approver is the requester", "Aprovador é o próprio solicitante" },
        { "APR-2026-0303", "decided-after-expiry", "Decision after expiry", "Decisão após o vencimento" },
        { "APR-2026-0304", "illegal-transition", "Illegal transition", "Transição não permitida" },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task Each_finding_names_its_rule_id_and_localized_rule_in_both_languages(string id, string rule, string english, string portuguese)
    {
        var client = await factory.CreateReadyClientAsync();

        var en = await client.GetStringAsync($"/approval-timeline/{id}?culture=en");
        var pt = await client.GetStringAsync($"/approval-timeline/{id}?culture=pt-BR");

        Assert.Contains($"<li data-rule=\"{rule}\"><code>{rule}</code> <strong>{english}</strong>: <span>{id}", en);
        Assert.Contains($"<code>{rule}</code> <strong>{portuguese}</strong>", pt);
        Assert.Contains("data-status=\"inconsistent\"", en);
    }

    [Fact]
    public async Task A_consistent_record_has_no_finding_and_the_unprovable_stop_condition_check_is_a_note_not_a_finding()
    {
        var client = await factory.CreateReadyClientAsync();

        var en = await client.GetStringAsync("/approval-timeline/APR-2026-0203");
        var pt = await client.GetStringAsync("/approval-timeline/APR-2026-0203?culture=pt-BR");

        Assert.DoesNotContain("data-rule=", en);
        Assert.Contains("No findings:", en);
        Assert.Contains("Not checked, so not claimed either way: whether a stop condition held when a past decision was taken.", en);
        Assert.Contains("Não verificado e, portanto, não afirmado", pt);
    }

    [Fact]
    public async Task The_self_approval_message_names_the_actor_and_the_time()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-timeline/APR-2026-0302");

        Assert.Contains("APR-2026-0302 was approved by its requester Ana.Souza (history[2], 2026-11-16T09:00:00Z)", html);
    }

    [Fact]
    public async Task The_unreadable_record_shows_its_reason_on_its_timeline()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/approval-timeline/APR-2026-0399");

        Assert.Contains("<h1>Approval APR-2026-0399</h1>", html);
        Assert.Contains("Unreadable: ", html);
        Assert.Contains("approvals/pending/approval-APR-2026-0399.json", html);
        Assert.Contains("<code>unreadable</code> <strong>Unreadable record</strong>", html);
        Assert.DoesNotContain("cmd-approve", html);
    }

    [Theory]
    [InlineData("APR-2099-9999", "en", "Not found")]
    [InlineData("APR-2099-9999", "pt-BR", "Não encontrado")]
    [InlineData("..%2F..%2Fdevices", "en", "Not found")]
    [InlineData("-bad", "pt-BR", "Não encontrado")]
    public async Task An_unknown_or_malformed_id_is_a_localized_404(string id, string culture, string text)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync($"/approval-timeline/{id}?culture={culture}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync());
    }
}

using System.Net;

namespace OpsConsole.Web.Tests.Handoff;

public sealed class StopConditionsPageTests(StopsFactory factory) : IClassFixture<StopsFactory>
{
    [Fact]
    public async Task Triggered_conditions_show_the_artifact_the_exact_reason_and_the_runbook_action()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/stop-conditions?culture=en");

        Assert.Contains("<h1>Stop conditions</h1>", html);
        Assert.Contains("id=\"stop-4\" data-state=\"triggered\"", html);
        Assert.Contains("INC-0900 is an open critical incident: Core router down", html);
        Assert.Contains("href=\"/download?path=incidents%2FINC-0900.json\"", html);
        Assert.Contains("Pause all approvals and writes; investigate the incident; resume only after it is resolved.", html);
        Assert.Contains("id=\"stop-1\" data-state=\"triggered\"", html);
        Assert.Contains("id=\"stop-2\" data-state=\"clear\"", html);
    }

    [Fact]
    public async Task Titles_and_actions_are_in_portuguese_when_asked()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/stop-conditions?culture=pt-BR");

        Assert.Contains("<h1>Condições de parada</h1>", html);
        Assert.Contains("Incidente crítico aberto", html);
        Assert.Contains("Pause todas as aprovações e escritas", html);
        Assert.Contains("Isole o arquivo, revogue o token no NetBox", html);
    }

    [Fact]
    public async Task The_token_shows_only_file_line_and_its_first_four_characters()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/stop-conditions");

        Assert.Contains("executions/leak.log", html);
        Assert.Contains("line 2: NETBOX_WRITE_TOKEN with a value (Zq9x••••••••)", html);
        Assert.Contains("line 5: Authorization: Bearer header (Hx7k••••••••)", html);
        foreach (var secret in StopsFactory.Secrets)
        {
            Assert.DoesNotContain(secret, html);
        }
    }

    [Fact]
    public async Task A_quarantined_file_is_not_linked_for_download_and_says_what_to_do()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/stop-conditions");

        Assert.DoesNotContain("download?path=executions%2Fleak.log", html);
        Assert.Contains("Isolate the file (move it out of the artifact root), revoke the token in NetBox", html);
    }

    [Theory]
    [InlineData("executions/leak.log")]
    [InlineData("handoff/leaked-notes.md")]
    public async Task Download_of_a_file_with_a_secret_is_refused(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/download?path=" + Uri.EscapeDataString(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.All(StopsFactory.Secrets, s => Assert.DoesNotContain(s, body));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/stop-conditions")]
    [InlineData("/handoff")]
    [InlineData("/handoff/leaked-notes")]
    [InlineData("/artifacts")]
    [InlineData("/audit")]
    [InlineData("/metrics-board")]
    public async Task No_page_ever_contains_the_full_secret(string path)
    {
        var client = await factory.CreateReadyClientAsync();
        await client.GetAsync("/download?path=executions%2Fleak.log");

        var html = await client.GetStringAsync(path);

        Assert.All(StopsFactory.Secrets, s => Assert.DoesNotContain(s, html));
    }
}

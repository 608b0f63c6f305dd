using System.Net;

namespace OpsConsole.Web.Tests.Engagement;

/// <summary>The read side over the untouched basic tree (shared factory: these tests never write).</summary>
public sealed class EngagementPagesTests(EngagementFactory factory) : IClassFixture<EngagementFactory>
{
    private const string DevicePage = "/service-engagement/" + EngagementFactory.Device;

    [Fact]
    public async Task The_list_shows_team_due_date_progress_and_status()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/service-engagement");

        Assert.Contains($"href=\"{DevicePage}\"", html);
        Assert.Contains("Transport", html);
        Assert.Contains("0 / 2", html);
        Assert.Contains("data-status=\"not-started\"", html);
        Assert.Contains("<time datetime=\"2026-11-30T21:00:00&#x2B;00:00\"", html);
    }

    [Fact]
    public async Task The_list_filters_by_team_and_exports_what_it_shows()
    {
        var client = await factory.CreateReadyClientAsync();

        var other = await client.GetStringAsync("/service-engagement?team=Nobody");
        var csv = await client.GetStringAsync("/service-engagement?team=Transport&format=csv");

        Assert.DoesNotContain($"href=\"{DevicePage}\"", other);
        Assert.StartsWith("device,team,due_at,answered,required,status,overdue", csv);
        Assert.Contains($"{EngagementFactory.Device},Transport,", csv);
    }

    [Fact]
    public async Task The_device_page_lists_each_item_with_its_allowed_values_hint_and_stable_editor_markup()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync(DevicePage);

        Assert.Contains("<dialog id=\"item-editor\"", html);
        Assert.Contains("data-open-editor=\"tenant\"", html);
        Assert.Contains("data-open-editor=\"criticality\"", html);
        Assert.Contains($"href=\"{DevicePage}/items/tenant\"", html);
        Assert.Contains("acme, globex", html);
        Assert.Contains("Business criticality", html);
        Assert.Contains("<script src=\"/js/engagement.js", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Equal(1, html.Split("<h1>").Length - 1);
    }

    [Fact]
    public async Task The_device_page_links_the_package_the_template_and_the_week1_execution_log()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync(DevicePage);
        var template = await client.GetAsync(DevicePage + "?handler=template");

        Assert.Contains($"/download?path=engagement%2F{EngagementFactory.Device}%2Fpackage.json", html);
        Assert.Contains("/download?path=executions%2Fweek1-real-run.log", html);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var csv = await template.Content.ReadAsStringAsync();
        Assert.StartsWith("item_id,object,field,current,allowed,required,hint,value,evidence", csv);
        Assert.Contains("tenant,dcim.device 1890,tenant,,acme | globex,true,Customer that owns the circuit,,", csv);
    }

    [Fact]
    public async Task The_item_page_is_a_plain_form_posting_to_the_device_page()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync(DevicePage + "/items/criticality");

        Assert.Contains($"action=\"{DevicePage}?handler=save\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("<label for=\"f-criticality-value\">", html);
        Assert.Contains("<option value=\"high\">high</option>", html);
        Assert.DoesNotContain(" hidden", html.Split("data-editor-item=\"criticality\"")[1].Split('>')[0]);
    }

    [Fact]
    public async Task The_validation_dashboard_says_what_is_missing_before_the_first_run()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync(DevicePage + "/validation");

        Assert.Contains($"engagement/{EngagementFactory.Device}/validation.json", html);
        Assert.Contains("Run local validation", html);
    }

    [Theory]
    [InlineData("/service-engagement/NO-SUCH-DEVICE")]
    [InlineData("/service-engagement/..%2Fdevices.json")]
    [InlineData("/service-engagement/4WNET-MNS-KTG-RX/items/nope")]
    [InlineData("/service-engagement/4WNET-MNS-KTG-RX/items/..%2Fx")]
    [InlineData("/service-engagement/NO-SUCH-DEVICE/validation")]
    public async Task Unknown_devices_and_items_are_404(string url)
    {
        var client = await factory.CreateReadyClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("/service-engagement", "Equipe")]
    [InlineData(DevicePage, "Itens pendentes")]
    [InlineData(DevicePage + "/items/tenant", "Salvar resposta")]
    [InlineData(DevicePage + "/validation", "Rodar validação local")]
    public async Task Every_engagement_page_speaks_portuguese(string url, string label)
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync(url + "?culture=pt-BR");

        Assert.Contains(label, html);
        Assert.Contains("<html lang=\"pt-BR\"", html);
    }
}

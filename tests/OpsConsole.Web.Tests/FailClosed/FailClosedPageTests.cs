using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.FailClosed;

/// <summary>What the console could not read is listed and makes conclusions "unknown"; links inside the root are followed.</summary>
public sealed class FailClosedPageTests(LinkedFoldersFactory linked, WrongPlanIdFactory wrongPlan)
    : IClassFixture<LinkedFoldersFactory>, IClassFixture<WrongPlanIdFactory>
{
    [Fact]
    public async Task An_open_critical_incident_behind_a_folder_link_inside_the_root_is_listed_and_triggers_condition_4()
    {
        var client = await linked.CreateReadyClientAsync();

        var incidents = await client.GetStringAsync("/incidents?culture=en");
        var stops = await client.GetStringAsync("/stop-conditions?culture=en");

        Assert.Contains("INC-0900", incidents);
        Assert.DoesNotContain("class=\"empty\"", incidents);
        Assert.Matches("id=\"stop-4\" data-state=\"triggered\"", stops);
        Assert.Contains("is an open critical incident", stops);
    }

    [Fact]
    public async Task A_link_leaving_the_root_is_listed_on_artifacts_as_unreadable_with_the_reason()
    {
        var client = await linked.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/artifacts?unreadable=true&culture=en");

        Assert.Contains($"<td class=\"path\">{LinkedFoldersFactory.OutsideLinkPath}</td>", html);
        Assert.Contains("link leaves the root", html);
        Assert.DoesNotContain("Outside the root", html);
    }

    [Fact]
    public async Task A_link_leaving_the_root_leaves_the_secret_scan_unknown_not_clear()
    {
        var client = await linked.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/stop-conditions?culture=en");

        Assert.Matches("id=\"stop-1\" data-state=\"(triggered|unknown)\"", html);
        Assert.Contains("not scanned for secrets: link leaves the root", html);
    }

    [Fact]
    public async Task The_suggested_validate_command_takes_the_expected_device_id_from_the_inventory_not_from_the_plan()
    {
        var client = await wrongPlan.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-002/week1?culture=en");

        Assert.Contains("--expected-device-id 1890 --expected-device 4WNET-MNS-KTG-RX", html);
        Assert.DoesNotContain("--expected-device-id 9999", html);
    }
}

using System.Net;
using System.Text.Json;
using OpsConsole.Web.Infrastructure;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Foundation;

public sealed class HealthTests
{
    [Fact]
    public async Task Ready_is_503_until_the_first_index_build_then_200()
    {
        var signal = new IndexStartSignal();
        using var factory = new ConsoleFactory { StartSignal = signal };
        var client = factory.CreateClient();

        var before = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");
        signal.Release();
        await factory.WaitReadyAsync();
        var after = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Health_summary_reports_files_and_unreadable_count()
    {
        using var factory = new ConsoleFactory();
        var client = await factory.CreateReadyClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/health"));

        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("files").GetInt32() >= 15);
        Assert.Equal(1, json.RootElement.GetProperty("unreadable").GetInt32());
    }

    [Fact]
    public async Task Ready_turns_503_when_the_artifact_root_disappears_and_recovers_when_it_returns()
    {
        using var factory = new ConsoleFactory();
        var client = await factory.CreateReadyClientAsync();
        var moved = factory.Root + ".away";

        Directory.Move(factory.Root, moved);
        var gone = await client.GetAsync("/health/ready");
        var page = await client.GetStringAsync("/artifacts");
        Directory.Move(moved, factory.Root);
        var back = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.StatusCode);
        Assert.Contains("Artifact root unavailable", page);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}

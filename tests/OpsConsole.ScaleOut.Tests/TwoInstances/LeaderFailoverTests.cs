using OpsConsole.ScaleOut.Tests.Support;

namespace OpsConsole.ScaleOut.Tests.TwoInstances;

/// <summary>The leader killed with SIGKILL is replaced, and a file written afterwards is still indexed.</summary>
public sealed class LeaderFailoverTests : IAsyncLifetime
{
    private Support.TwoInstances _both = null!;

    public async Task InitializeAsync() => _both = await Support.TwoInstances.StartAsync();

    public Task DisposeAsync() => _both.DisposeAsync().AsTask();

    [Fact]
    public async Task When_the_leader_is_killed_the_other_instance_leads_within_ten_seconds_and_indexes_a_later_file()
    {
        var aLeads = (await _both.HealthAsync(_both.A)).GetProperty("index_leader").GetBoolean();
        var bLeads = (await _both.HealthAsync(_both.B)).GetProperty("index_leader").GetBoolean();
        Assert.True(aLeads ^ bLeads, $"exactly one leader expected (A {aLeads}, B {bLeads})");
        var (leader, follower) = aLeads ? (_both.A, _both.B) : (_both.B, _both.A);

        await leader.KillAsync();

        Assert.True(await Support.TwoInstances.EventuallyAsync(async () => (await _both.HealthAsync(follower)).GetProperty("index_leader").GetBoolean(), TimeSpan.FromSeconds(10)),
            "the follower did not take over within 10 s:\n" + follower.Output);
        var template = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(_both.Root, "incidents"), "*.json").First());
        var id = System.Text.RegularExpressions.Regex.Match(template, "\"incident_id\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;
        File.WriteAllText(Path.Combine(_both.Root, "incidents", "INC-2026-9902.json"), template.Replace(id, "INC-2026-9902", StringComparison.Ordinal));
        Assert.True(await Support.TwoInstances.EventuallyAsync(async () => (await _both.Http.GetStringAsync(follower.Url + "/incidents?format=json")).Contains("INC-2026-9902", StringComparison.Ordinal), TimeSpan.FromSeconds(15)),
            "the new leader did not index a file written after the takeover");
    }
}

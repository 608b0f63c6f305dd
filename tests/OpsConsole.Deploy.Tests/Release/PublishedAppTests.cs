using System.Net;
using OpsConsole.Deploy.Tests.Support;

namespace OpsConsole.Deploy.Tests.Release;

/// <summary>The web app from the tarball, started as the unit starts it.</summary>
[Collection(ReleaseCollection.Name)]
public sealed class PublishedAppTests(ReleaseFixture release) : IDisposable
{
    /// <summary>Every series docs/operations.md promises (the alert rules read them).</summary>
    public static readonly string[] Series =
    [
        "opsconsole_stop_condition_state", "opsconsole_index_last_pass_timestamp_seconds", "opsconsole_index_pass_duration_seconds",
        "opsconsole_index_rescan_interval_seconds", "opsconsole_artifacts", "opsconsole_compliance_newest_run_timestamp_seconds",
        "opsconsole_compliance_freshness_limit_seconds", "opsconsole_approvals", "opsconsole_engagement_saves_total", "opsconsole_build_info",
        "http_server_request_duration_seconds_count", "kestrel_active_connections",
    ];

    private readonly string _work = RepoPaths.NewWorkFolder("published");
    private readonly HttpClient _client = new();

    [Fact]
    public async Task It_answers_ready_and_metrics_with_every_series_then_exits_0_on_SIGTERM_within_10_s()
    {
        var root = RepoPaths.CopyDemoTree(_work);
        await using var console = PublishedConsole.Start(release.Folder, root, Path.Combine(_work, "data"));
        await console.WaitReadyAsync(_client);

        var metrics = await _client.GetAsync(console.Url + "/metrics");
        var samples = PrometheusText.Parse(await metrics.Content.ReadAsStringAsync());
        var exit = await console.TerminateAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.All(Series, name => Assert.Contains(samples, s => s.Name == name));
        Assert.Equal(7, samples.Count(s => s.Name == "opsconsole_stop_condition_state"));
        Assert.Contains(samples, s => s.Name == "opsconsole_build_info" && s.Labels["version"] == ReleaseFixture.Version);
        Assert.True(exit == 0, $"exit code {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none within 10 s"}:\n{console.Output}");
    }

    [Fact]
    public async Task A_second_instance_on_the_same_data_folder_is_refused_with_one_message_while_the_cli_works_alongside()
    {
        var root = RepoPaths.CopyDemoTree(_work);
        var data = Path.Combine(_work, "data");
        await using var first = PublishedConsole.Start(release.Folder, root, data);
        await first.WaitReadyAsync(_client);

        await using var second = PublishedConsole.Start(release.Folder, root, data);
        var secondExit = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var cli = await Tool.RunAsync("/usr/bin/dotnet", [Path.Combine(release.Folder, "cli", "opsconsole.dll"), "approval", "list", "--state", "pending",
            "--root", root, "--db", Path.Combine(data, "opsconsole.db")], TimeSpan.FromSeconds(60));
        var firstStillServes = await _client.GetAsync(first.Url + "/health/ready");

        Assert.Equal(1, secondExit);
        var refusal = Assert.Single(second.Output.Split('\n'), l => l.Contains("failed to start", StringComparison.Ordinal));
        Assert.Contains($"another OpsConsole instance is already running on the data folder {data}", refusal);
        Assert.True(cli.ExitCode == 0, "the CLI could not use the database next to the web app:\n" + cli.All);
        Assert.Contains("APR-", cli.Output);
        Assert.Equal(HttpStatusCode.OK, firstStillServes.StatusCode);
    }

    [Fact]
    public async Task An_allowed_metrics_network_that_is_not_cidr_stops_the_start_with_the_setting_named()
    {
        var root = RepoPaths.CopyDemoTree(_work);
        await using var console = PublishedConsole.Start(release.Folder, root, Path.Combine(_work, "data"), "--OpsConsole:Metrics:AllowedNetworks:0=10.20.0.300/24");

        var exit = await console.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        var refusal = Assert.Single(console.Output.Split('\n'), l => l.Contains("failed to start", StringComparison.Ordinal));
        Assert.Contains("OpsConsole:Metrics:AllowedNetworks holds an entry that is not a CIDR network", refusal);
    }

    public void Dispose()
    {
        _client.Dispose();
        RepoPaths.DeleteQuietly(_work);
    }
}

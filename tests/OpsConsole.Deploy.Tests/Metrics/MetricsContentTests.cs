using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;
using OpsConsole.Deploy.Tests.Support;

namespace OpsConsole.Deploy.Tests.Metrics;

/// <summary>What a Prometheus server scraping <c>/metrics</c> reads about the demo tree.</summary>
public sealed class MetricsContentTests
{
    [Fact]
    public async Task Each_stop_condition_is_reported_with_the_state_the_stop_conditions_page_shows()
    {
        using var factory = new DemoConsoleFactory();
        var client = await factory.CreateReadyClientAsync();

        var samples = await DemoConsoleFactory.ScrapeAsync(client);

        var evaluation = factory.Services.GetRequiredService<StopConditionEvaluator>().Evaluate();
        foreach (var condition in evaluation.Conditions)
        {
            var expected = condition.State switch { StopStates.Clear => 0, StopStates.Triggered => 1, _ => 2 };
            Assert.Equal(expected, samples.Value("opsconsole_stop_condition_state", ("condition", condition.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        Assert.Equal(7, samples.Count(s => s.Name == "opsconsole_stop_condition_state"));
        Assert.Contains(evaluation.Conditions, c => c.State == StopStates.Triggered); // the demo tree holds a contradictory report
    }

    [Fact]
    public async Task An_unreadable_incident_makes_condition_4_unknown_and_is_counted_as_unreadable()
    {
        using var factory = new DemoConsoleFactory();
        var client = await factory.CreateReadyClientAsync();
        var before = await DemoConsoleFactory.ScrapeAsync(client);

        await File.WriteAllTextAsync(Path.Combine(factory.Root, "incidents", "INC-2026-9999.json"), "{ not json");
        await factory.Services.GetRequiredService<ArtifactIndexer>().FullPassAsync();
        var after = await DemoConsoleFactory.ScrapeAsync(client);

        Assert.Equal(0, before.Value("opsconsole_artifacts", ("kind", "Incident"), ("parse_status", "unreadable")));
        Assert.Equal(1, after.Value("opsconsole_artifacts", ("kind", "Incident"), ("parse_status", "unreadable")));
        Assert.Equal(before.Value("opsconsole_artifacts", ("kind", "Incident"), ("parse_status", "readable")),
            after.Value("opsconsole_artifacts", ("kind", "Incident"), ("parse_status", "readable")));
        Assert.Equal(2, after.Value("opsconsole_stop_condition_state", ("condition", "4")));
    }

    [Fact]
    public async Task Artifact_and_approval_counts_match_the_files_of_the_tree()
    {
        using var factory = new DemoConsoleFactory();
        var client = await factory.CreateReadyClientAsync();

        var samples = await DemoConsoleFactory.ScrapeAsync(client);

        var reports = Directory.GetFiles(Path.Combine(factory.Root, "compliance"), "*.json", SearchOption.AllDirectories).Length;
        Assert.Equal(reports, samples.Value("opsconsole_artifacts", ("kind", "ComplianceReport"), ("parse_status", "readable")));
        foreach (var state in ApprovalStates.All)
        {
            var folder = Path.Combine(factory.Root, "approvals", state);
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "approval-*.json").Length : 0;
            Assert.Equal(files, samples.Value("opsconsole_approvals", ("state", state)));
        }
    }

    [Fact]
    public async Task The_index_pass_and_the_newest_compliance_run_are_reported_as_unix_times()
    {
        var started = DateTimeOffset.UtcNow;
        using var factory = new DemoConsoleFactory(new Dictionary<string, string> { ["OpsConsole:FreshnessThresholdHours"] = "30" });
        var client = await factory.CreateReadyClientAsync();
        await factory.Services.GetRequiredService<ArtifactIndexer>().FullPassAsync();

        var samples = await DemoConsoleFactory.ScrapeAsync(client);

        var state = factory.Services.GetRequiredService<IndexState>();
        Assert.Equal(state.LastCompletedPassAt!.Value.ToUnixTimeMilliseconds() / 1000.0, samples.Value("opsconsole_index_last_pass_timestamp_seconds"), 3);
        Assert.True(samples.Value("opsconsole_index_last_pass_timestamp_seconds") >= started.ToUnixTimeSeconds());
        Assert.True(samples.Value("opsconsole_index_pass_duration_seconds") > 0);
        Assert.Equal(3600, samples.Value("opsconsole_index_rescan_interval_seconds"));
        Assert.Equal(30 * 3600, samples.Value("opsconsole_compliance_freshness_limit_seconds"));
        var newest = Directory.GetFiles(Path.Combine(factory.Root, "compliance"), "*.json", SearchOption.AllDirectories)
            .Select(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("generated_at").GetDateTimeOffset())
            .Max();
        Assert.Equal(newest.ToUnixTimeSeconds(), samples.Value("opsconsole_compliance_newest_run_timestamp_seconds"), 0);
    }

    [Fact]
    public async Task Asp_net_core_http_server_metrics_are_exported_too()
    {
        using var factory = new DemoConsoleFactory();
        var client = await factory.CreateReadyClientAsync();
        await client.GetAsync("/approval-queue");

        // ASP.NET Core records a request's duration when its context is disposed, which the test server does after
        // the client has the whole response: a scrape straight after may come first, so scrape until it is there.
        static bool QueueRequestCounted(Sample s) =>
            s.Name == "http_server_request_duration_seconds_count" && s.Labels.GetValueOrDefault("http_route") == "approval-queue" && s.Value >= 1;
        var samples = await DemoConsoleFactory.ScrapeAsync(client);
        for (var i = 0; i < 100 && !samples.Any(QueueRequestCounted); i++)
        {
            await Task.Delay(50);
            samples = await DemoConsoleFactory.ScrapeAsync(client);
        }

        Assert.Contains(samples, QueueRequestCounted);
        Assert.Contains(samples, s => s.Name == "opsconsole_build_info" && s.Labels.ContainsKey("version"));
    }
}

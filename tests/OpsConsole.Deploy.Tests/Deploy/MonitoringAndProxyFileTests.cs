using System.Text.RegularExpressions;
using OpsConsole.Deploy.Tests.Support;
using OpsConsole.Web.Infrastructure;

namespace OpsConsole.Deploy.Tests.Deploy;

/// <summary>deploy/prometheus-rules.yml and deploy/nginx/opsconsole.conf.</summary>
public sealed partial class MonitoringAndProxyFileTests
{
    [Fact]
    public async Task Promtool_accepts_the_alert_rules()
    {
        var check = await Tool.RunAsync("promtool", ["check", "rules", RepoPaths.Deploy("prometheus-rules.yml")], TimeSpan.FromSeconds(60));

        Assert.True(check.ExitCode == 0, check.All);
        Assert.Contains("SUCCESS: 5 rules found", check.All);
    }

    [Fact]
    public async Task Each_alert_fires_when_its_series_say_so_and_not_before()
    {
        var test = await Tool.RunAsync("promtool", ["test", "rules", RepoPaths.Deploy("prometheus-rules.test.yml")], TimeSpan.FromSeconds(60));

        Assert.True(test.ExitCode == 0, test.All);
        Assert.Contains("SUCCESS", test.All);
    }

    [Fact]
    public void Every_alert_has_a_runbook_section_in_the_operations_guide()
    {
        var rules = File.ReadAllText(RepoPaths.Deploy("prometheus-rules.yml"));
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "operations.md"));

        var alerts = AlertName().Matches(rules).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(5, alerts.Count);
        Assert.All(alerts, a => Assert.Contains($"### {a}", guide));
    }

    [Fact]
    public void Nginx_refuses_bodies_over_the_apps_own_cap_and_never_proxies_metrics()
    {
        var site = File.ReadAllText(RepoPaths.Deploy("nginx/opsconsole.conf"));

        var cap = BodySize().Match(site);
        Assert.True(cap.Success, "client_max_body_size missing");
        Assert.Equal(RequestBodyLimit.MaxBytes, long.Parse(cap.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024);
        Assert.Matches(@"location = /metrics \{\s*return 404;\s*\}", site);
        Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", site);
    }

    [GeneratedRegex(@"- alert: (\w+)")]
    private static partial Regex AlertName();

    [GeneratedRegex(@"client_max_body_size (\d+)k;")]
    private static partial Regex BodySize();
}

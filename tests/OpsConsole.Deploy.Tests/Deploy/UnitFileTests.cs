using OpsConsole.Deploy.Tests.Support;

namespace OpsConsole.Deploy.Tests.Deploy;

/// <summary>deploy/opsconsole.service: valid for systemd, and as locked down as the issue asks.</summary>
public sealed class UnitFileTests
{
    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_unit_without_a_single_warning()
    {
        var verify = await Tool.RunAsync("systemd-analyze", ["verify", RepoPaths.Deploy("opsconsole.service")], TimeSpan.FromSeconds(60));

        Assert.True(verify.ExitCode == 0, verify.All);
        Assert.Equal("", verify.All.Trim());
    }

    [Fact]
    public void The_service_notifies_systemd_runs_as_its_own_user_and_writes_only_to_data_audit_and_engagement_folders()
    {
        var unit = Settings();

        Assert.Equal("notify", unit["Type"].Single());
        Assert.Equal("opsconsole", unit["User"].Single());
        Assert.Equal("strict", unit["ProtectSystem"].Single());
        Assert.Equal(["/var/lib/opsconsole", "/var/lib/opsconsole-audit", "/srv/opsconsole/reports/engagement"], unit["ReadWritePaths"].Single().Split(' '));
        Assert.Equal("yes", unit["NoNewPrivileges"].Single());
        Assert.Equal("yes", unit["PrivateTmp"].Single());
        Assert.Equal("on-failure", unit["Restart"].Single());
        Assert.Equal("/etc/opsconsole/opsconsole.env", unit["EnvironmentFile"].Single());
        // systemd must not kill the app while it drains: its own stop limit is below this one.
        Assert.True(int.Parse(unit["TimeoutStopSec"].Single(), System.Globalization.CultureInfo.InvariantCulture)
            > Web.Infrastructure.Operations.OperationsRegistration.ShutdownTimeout.TotalSeconds);
    }

    [Fact]
    public void The_example_environment_file_points_the_console_into_the_writable_folders()
    {
        var env = File.ReadAllLines(RepoPaths.Deploy("opsconsole.env.example"))
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

        Assert.StartsWith("/var/lib/opsconsole/", env["OpsConsole__DatabasePath"]);
        Assert.StartsWith("/var/lib/opsconsole/", env["OpsConsole__LogDirectory"]);
        Assert.Equal("/srv/opsconsole/reports", env["OpsConsole__ArtifactRoot"]);
        Assert.StartsWith("http://127.0.0.1:", env["Urls"]);
    }

    private static Dictionary<string, List<string>> Settings()
    {
        var settings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(RepoPaths.Deploy("opsconsole.service")).Where(l => l.Contains('=') && l[0] != '#'))
        {
            var (key, value) = (line[..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]);
            if (!settings.TryGetValue(key, out var values))
            {
                settings[key] = values = [];
            }

            values.Add(value);
        }

        return settings;
    }
}

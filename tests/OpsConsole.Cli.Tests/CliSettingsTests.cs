using OpsConsole.Core.Index;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

/// <summary>The CLI reads the web app's settings sources: appsettings.json, then OpsConsole__ variables, then its flags.</summary>
public sealed class CliSettingsTests : IDisposable
{
    private readonly FixtureTree _tree = FixtureTree.Empty();
    private readonly Dictionary<string, string?> _savedEnvironment = [];

    public CliSettingsTests()
    {
        _tree.Write("devices.json", FixtureTree.Inventory(("core-02", 202)));
        _tree.Write("incidents/INC-9.json", FixtureTree.Incident("INC-9", "low", "open", "core-02", 202));
    }

    private string SettingsFolder => Path.Combine(Path.GetDirectoryName(_tree.Root)!, "web");

    public void Dispose()
    {
        foreach (var (name, value) in _savedEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _tree.Dispose();
    }

    [Fact]
    public async Task An_appsettings_value_and_an_environment_variable_are_honoured()
    {
        // The file's relative root is resolved against the file's folder, as the web app does with its content root.
        var settings = WriteSettings($$"""{ "OpsConsole": { "ArtifactRoot": "../root", "AuditPath": {{Json(_tree.AuditPath)}} } }""");
        SetEnvironment("OpsConsole__DatabasePath", _tree.DatabasePath);

        var run = await RunAsync("index", "--config", settings);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("indexed 2 files", run.Output);
        using var db = new IndexDbContext(IndexDbContext.OptionsFor(_tree.DatabasePath));
        Assert.Contains(db.Artifacts, a => a.Path == "incidents/INC-9.json");
        Assert.True(File.Exists(_tree.AuditPath));
    }

    [Fact]
    public void A_flag_overrides_the_environment_which_overrides_the_file()
    {
        var settings = WriteSettings("""{ "OpsConsole": { "ArtifactRoot": "/from/the/file", "DatabasePath": "/from/the/file.db", "MaxArtifactBytes": 4096 } }""");
        SetEnvironment("OpsConsole__ArtifactRoot", "/from/the/environment");
        SetEnvironment("OpsConsole__DatabasePath", _tree.DatabasePath);

        var options = CliSettings.Load(CliApp.BuildRoot().Parse(["check", "--config", settings, "--root", _tree.Root]));

        Assert.Equal(_tree.Root, options.ArtifactRoot);
        Assert.Equal(_tree.DatabasePath, options.DatabasePath);
        Assert.Equal(4096, options.MaxArtifactBytes);
    }

    [Fact]
    public async Task A_setting_out_of_its_range_is_refused_with_its_name_as_the_web_app_refuses_it()
    {
        var settings = WriteSettings("""{ "OpsConsole": { "MaxArtifactBytes": 10 } }""");

        var run = await RunAsync("index", "--config", settings, "--root", _tree.Root, "--db", _tree.DatabasePath, "--audit-db", _tree.AuditPath);

        Assert.Equal(CliRunner.Error, run.ExitCode);
        Assert.Contains("OpsConsole:MaxArtifactBytes", run.Error);
        Assert.False(File.Exists(_tree.DatabasePath));
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliRunner.RunAsync(CliApp.BuildRoot(), args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private string WriteSettings(string json)
    {
        Directory.CreateDirectory(SettingsFolder);
        var path = Path.Combine(SettingsFolder, "appsettings.json");
        File.WriteAllText(path, json);
        return path;
    }

    private void SetEnvironment(string name, string value)
    {
        _savedEnvironment.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}

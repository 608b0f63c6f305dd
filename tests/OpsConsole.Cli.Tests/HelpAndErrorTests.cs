using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

public class HelpAndErrorTests
{
    [Theory]
    [InlineData("approval")]
    [InlineData("approval list")]
    [InlineData("approval show")]
    [InlineData("approval submit")]
    [InlineData("approval approve")]
    [InlineData("approval reject")]
    [InlineData("approval expire")]
    [InlineData("approval mark-applied")]
    [InlineData("validate")]
    [InlineData("validate batch-plan")]
    public async Task Every_command_has_help(string command)
    {
        using var tree = FixtureTree.Empty();
        var run = await CliHost.RunAsync(tree, [.. command.Split(' '), "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        Assert.Contains("Description:", run.Output);
    }

    [Fact]
    public async Task An_error_prints_one_line_without_a_stack_trace_unless_verbose()
    {
        using var tree = FixtureTree.Empty();
        var missing = Path.Combine(tree.Root, "nope");
        using var quietOut = new StringWriter();
        using var quietErr = new StringWriter();
        using var loudErr = new StringWriter();

        var quiet = await CliRunner.RunAsync(CliApp.BuildRoot(), ["approval", "list", "--root", missing, "--db", tree.DatabasePath], quietOut, quietErr);
        var loud = await CliRunner.RunAsync(CliApp.BuildRoot(), ["approval", "list", "--root", missing, "--db", tree.DatabasePath, "--verbose"], quietOut, loudErr);

        Assert.Equal((CliRunner.Error, CliRunner.Error), (quiet, loud));
        Assert.StartsWith($"error: Artifact root \"{missing}\" does not exist", quietErr.ToString());
        Assert.DoesNotContain(" at ", quietErr.ToString().Split('\n')[1..].FirstOrDefault() ?? "");
        Assert.Single(quietErr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("DirectoryNotFoundException", loudErr.ToString());
    }
}

using OpsConsole.Core.Storage;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests;

/// <summary>No CLI line carries a secret: the streams are redacting writers and the store hands on masked documents.</summary>
public class SecretOutputTests
{
    private const string Token = "9f8e7d6c5b4a3210ffee";
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJub2MtYm90IiwiaWF0IjoxNzAwMDAwMDAwfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    private static readonly string Planted = $"export NETBOX_WRITE_TOKEN=\\\"{Token}\\\" ; curl -H \\u0027Authorization: Bearer {Jwt}\\u0027";

    private static FixtureTree Tree()
    {
        var tree = FixtureTree.Standard();
        var (id, state, json) = FixtureTree.Approval("APR-1", "pending");
        tree.WriteApproval((id, state, json.Replace("\"two interfaces\"", $"\"{Planted}\"", StringComparison.Ordinal)
            .Replace("\"description\"", $"\"{Planted}\"", StringComparison.Ordinal)));
        tree.Write("incidents/INC-9.json", FixtureTree.Incident("INC-9", "critical", "open", "core-02", 202)
            .Replace("\"link flapping\"", $"\"{Planted}\"", StringComparison.Ordinal));
        return tree;
    }

    [Fact]
    public async Task Approval_show_prints_risk_notes_and_change_summaries_masked()
    {
        using var tree = Tree();

        var run = await CliHost.RunAsync(tree, "approval", "show", "APR-1");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(Token, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains(SecretScanner.Mask(Token), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_prints_stop_condition_reasons_masked()
    {
        using var tree = Tree();

        var run = await CliHost.RunAsync(tree, "check");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(Token, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("INC-9", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_decision_whose_reason_holds_a_secret_prints_it_masked()
    {
        using var tree = Tree();

        var run = await CliHost.RunAsync(tree, "approval", "approve", "APR-1", "--actor", "carla", "--reason", $"token {Jwt}");

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain(Jwt, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, string.Join("\n", CliHost.AuditEvents(tree).Select(e => e.Detail + e.Target)), StringComparison.Ordinal);
    }
}

using OpsConsole.Core.Read;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.StopConditions;

public sealed class SecretConditionTests
{
    [Fact]
    public async Task A_write_token_with_a_value_triggers_condition_1_and_quarantines_the_file()
    {
        using var root = new IndexedArtifactRoot()
            .Write("executions/run-7.log", "starting\nexport NETBOX_WRITE_TOKEN=f3a9c2d1e4b5a6978877665544332211aabbccdd\ndone\n");

        var evaluation = await root.EvaluateAsync();

        var secret = evaluation[1];
        Assert.Equal(StopStates.Triggered, secret.State);
        var trigger = Assert.Single(secret.Triggers);
        Assert.Equal("executions/run-7.log", trigger.Path);
        Assert.StartsWith("line 2: NETBOX_WRITE_TOKEN with a value", trigger.Reason);
        Assert.Contains("executions/run-7.log", evaluation.QuarantinedPaths);
        Assert.Equal(["executions/run-7.log"], new QuarantinedFiles(root.Evaluator).Paths);
        Assert.Equal("Isolate the file, revoke the token in NetBox, escalate to the security team.", secret.Action);
        Assert.Equal("stop.1.action", secret.ActionKey);
    }

    [Fact]
    public async Task The_reason_shows_only_the_first_four_characters_of_the_token()
    {
        const string token = "0123456789abcdef0123456789abcdef01234567";
        using var root = new IndexedArtifactRoot().Write("handoff/notes.md", $"curl -H 'Authorization: Token {token}' https://netbox\n");

        var trigger = Assert.Single((await root.EvaluateAsync())[1].Triggers);

        Assert.Contains("(0123••••••••)", trigger.Reason);
        Assert.DoesNotContain("01234", trigger.Reason);
    }

    [Fact]
    public async Task The_word_token_in_prose_and_a_placeholder_do_not_trigger()
    {
        using var root = new IndexedArtifactRoot()
            .Write("handoff/runbook.md", """
                # Token handling
                The token is issued by the approver; a Token is never written to a file.
                Set it with: export NETBOX_WRITE_TOKEN="[TOKEN_FROM_APPROVER]"
                Authorization: Bearer <token>
                """);

        var secret = (await root.EvaluateAsync())[1];

        Assert.Equal(StopStates.Clear, secret.State);
        Assert.Empty(secret.Triggers);
    }

    [Fact]
    public async Task A_file_too_large_to_scan_leaves_condition_1_unknown()
    {
        using var root = new IndexedArtifactRoot(maxBytes: 2048)
            .Write("executions/huge.log", new string('x', 4096));

        var secret = (await root.EvaluateAsync())[1];

        Assert.Equal(StopStates.Unknown, secret.State);
        var input = Assert.Single(secret.UnreadableInputs);
        Assert.Equal("executions/huge.log", input.Path);
        Assert.StartsWith("not scanned for secrets: ", input.Reason);
    }
}

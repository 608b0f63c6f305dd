using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.StopConditions;

public sealed class StopConditionEvaluatorTests
{
    [Fact]
    public async Task An_empty_root_has_all_seven_conditions_clear()
    {
        using var root = new IndexedArtifactRoot().Write("handoff/readme.md", "# Handoff\n");

        var evaluation = await root.EvaluateAsync();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], evaluation.Conditions.Select(c => c.Number));
        Assert.All(evaluation.Conditions, c => Assert.Equal(StopStates.Clear, c.State));
        Assert.All(evaluation.Conditions, c => Assert.Equal($"stop.{c.Number}.title", c.TitleKey));
        Assert.True(evaluation.AllClear);
    }

    [Fact]
    public async Task The_evaluation_is_reused_until_the_index_changes()
    {
        using var root = new IndexedArtifactRoot().Write("incidents/INC-1.json", ArtifactJson.Incident("INC-1", "critical", "resolved"));
        var first = await root.EvaluateAsync();

        Assert.Same(first, root.Evaluator.Evaluate());
        Assert.Same(first, await root.EvaluateAsync());

        root.Write("incidents/INC-2.json", ArtifactJson.Incident("INC-2", "critical", "open"));
        var second = await root.EvaluateAsync();

        Assert.NotSame(first, second);
        Assert.Equal(StopStates.Clear, first[4].State);
        Assert.Equal(StopStates.Triggered, second[4].State);
        Assert.Equal(root.State.Version, second.IndexVersion);
    }

    [Fact]
    public async Task Unknown_is_not_clear()
    {
        using var root = new IndexedArtifactRoot().Write("batches/plans/B-1.json", "[]");

        var evaluation = await root.EvaluateAsync();

        Assert.Equal(StopStates.Unknown, evaluation[5].State);
        Assert.False(evaluation.AllClear);
        Assert.Equal(StopStates.Unknown, evaluation.State);
    }
}

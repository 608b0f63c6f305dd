using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.StopConditions;

/// <summary>
/// Input the console could not read is never "clear": each kind of unreadable input makes the conditions
/// it could decide "unknown", with the reason (docs/security.md, "Fail closed").
/// </summary>
public sealed class FailClosedTests
{
    private static string[] States(StopEvaluation e) => [.. e.Conditions.Select(c => $"{c.Number}:{c.State}")];

    [Fact]
    public async Task An_empty_root_makes_every_condition_unknown()
    {
        using var root = new IndexedArtifactRoot(withInventory: false);

        var evaluation = await root.EvaluateAsync();

        Assert.All(evaluation.Conditions, c => Assert.Equal(StopStates.Unknown, c.State));
        var reason = Assert.Single(evaluation[4].UnreadableInputs);
        Assert.Equal((".", "the artifact root holds no files (empty, or a volume that is not mounted): nothing could be read"), (reason.Path, reason.Reason));
    }

    [Fact]
    public async Task A_missing_inventory_makes_device_id_mismatch_unknown_and_nothing_else()
    {
        using var root = new IndexedArtifactRoot(withInventory: false).Write("handoff/readme.md", "# Handoff\n");

        var evaluation = await root.EvaluateAsync();

        Assert.Equal(["1:clear", "2:clear", "3:clear", "4:clear", "5:clear", "6:unknown", "7:clear"], States(evaluation));
        Assert.Equal("devices.json is missing: device ids cannot be compared with the inventory", Assert.Single(evaluation[6].UnreadableInputs).Reason);
    }

    [Fact]
    public async Task An_unreadable_inventory_makes_device_id_mismatch_unknown()
    {
        using var root = new IndexedArtifactRoot().Write("devices.json", "{ not json");

        var evaluation = await root.EvaluateAsync();

        Assert.Equal(StopStates.Unknown, evaluation[6].State);
        Assert.StartsWith("unreadable:", Assert.Single(evaluation[6].UnreadableInputs).Reason);
    }

    [Fact]
    public async Task An_incident_reached_through_a_folder_link_inside_the_root_triggers_condition_4()
    {
        using var root = new IndexedArtifactRoot().Write("incidents-store/INC-1.json", ArtifactJson.Incident("INC-1", "critical", "open"));
        Directory.CreateSymbolicLink(Path.Combine(root.Root, "incidents"), "incidents-store");

        var evaluation = await root.EvaluateAsync();

        Assert.Equal(StopStates.Triggered, evaluation[4].State);
        Assert.Equal("incidents/INC-1.json", Assert.Single(evaluation[4].Triggers).Path);
    }

    [Fact]
    public async Task An_incident_folder_linking_out_of_the_root_makes_incidents_secrets_and_ids_unknown()
    {
        using var root = new IndexedArtifactRoot().Write("handoff/readme.md", "# Handoff\n");
        var outside = Path.Combine(Path.GetDirectoryName(root.Root)!, "outside-incidents");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "INC-1.json"), ArtifactJson.Incident("INC-1", "critical", "open"));
        Directory.CreateSymbolicLink(Path.Combine(root.Root, "incidents"), outside);

        var evaluation = await root.EvaluateAsync();

        Assert.Equal(["1:unknown", "2:clear", "3:clear", "4:unknown", "5:clear", "6:unknown", "7:clear"], States(evaluation));
        Assert.Equal(("incidents", "unreadable: link leaves the root"), (evaluation[4].UnreadableInputs[0].Path, evaluation[4].UnreadableInputs[0].Reason));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_listed_makes_what_it_may_hold_unknown()
    {
        using var root = new IndexedArtifactRoot(walker: new DenyingWalker("results"))
            .Write("batches/results/B-1-run1.json", "{}");

        var evaluation = await root.EvaluateAsync();

        Assert.Equal(StopStates.Unknown, evaluation[3].State);
        var evidence = Assert.Single(evaluation[3].UnreadableInputs);
        Assert.Equal(("batches/results", "unreadable: the folder cannot be read (permission denied)"), (evidence.Path, evidence.Reason));
        Assert.Contains(evaluation[1].UnreadableInputs, e => e.Path == "batches/results");
    }

    [Theory]
    [InlineData("compliance/2026-05-01/dev-1.json", new[] { 1, 2, 6 })]
    [InlineData("batches/results/B-1-run1.json", new[] { 1, 3 })]
    [InlineData("incidents/INC-1.json", new[] { 1, 4, 6 })]
    [InlineData("batches/plans/B-1.json", new[] { 1, 5, 6 })]
    [InlineData("approvals/pending/approval-APR-1.json", new[] { 1, 5, 6 })]
    [InlineData("operations/c-1/g-1.json", new[] { 1, 7 })]
    [InlineData("handoff/notes.md", new[] { 1 })]
    public async Task A_file_linking_out_of_the_root_makes_the_conditions_its_kind_concerns_unknown(string path, int[] unknown)
    {
        using var root = new IndexedArtifactRoot();
        var outside = Path.Combine(Path.GetDirectoryName(root.Root)!, "outside.json");
        File.WriteAllText(outside, "{}");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root.Root, path))!);
        File.CreateSymbolicLink(Path.Combine(root.Root, path), outside);

        var evaluation = await root.EvaluateAsync();

        Assert.Equal(unknown, evaluation.Conditions.Where(c => c.State == StopStates.Unknown).Select(c => c.Number));
        Assert.All(evaluation.Conditions.Where(c => !c.IsClear), c => Assert.Contains(c.UnreadableInputs, e => e.Path == path && e.Reason.EndsWith("link leaves the root", StringComparison.Ordinal)));
    }

    private sealed class DenyingWalker(string denied) : ArtifactTreeWalker
    {
        protected override IEnumerable<FolderEntry> List(string fullPath) =>
            fullPath.EndsWith("/" + denied, StringComparison.Ordinal) ? throw new UnauthorizedAccessException("denied") : base.List(fullPath);
    }
}

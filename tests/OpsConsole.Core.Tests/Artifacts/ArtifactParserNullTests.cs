using System.Text;
using System.Text.Json.Nodes;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Artifacts;

/// <summary>JSON <c>null</c> where the contract expects a value must never reach code that trusts the model.</summary>
public sealed class ArtifactParserNullTests
{
    private static ParseOutcome Parse(ArtifactKind kind, string text) => ArtifactParser.Parse(kind, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ReportWithNullDeviceIsUnreadableAndNamesDevice()
    {
        var json = SampleDocuments.With(SampleDocuments.ComplianceReport, o => o["device"] = null);

        var outcome = Parse(ArtifactKind.ComplianceReport, json);

        Assert.Null(outcome.Document);
        Assert.Contains("$.device", outcome.Problem, StringComparison.Ordinal);
        Assert.Contains("null is not allowed", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportWithNullDivergencesIsUnreadableAndNamesDivergences()
    {
        var json = SampleDocuments.With(SampleDocuments.ComplianceReport, o => o["divergences"] = null);

        Assert.Contains("divergences", Parse(ArtifactKind.ComplianceReport, json).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalWithNullRiskIsUnreadable()
    {
        var json = SampleDocuments.With(SampleDocuments.Approval, o => o["risk"] = null);

        Assert.Contains("risk", Parse(ArtifactKind.Approval, json).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void InventoryWithANullDeviceEntryIsUnreadable()
    {
        var json = SampleDocuments.With(SampleDocuments.Inventory, o => o["devices"]!.AsArray().Add(null));

        Assert.Contains("devices", Parse(ArtifactKind.Inventory, json).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchResultWithANullItemIsUnreadable()
    {
        var json = SampleDocuments.With(SampleDocuments.BatchResult, o => o["items"]!.AsArray().Add(null));

        Assert.Contains("items", Parse(ArtifactKind.BatchResult, json).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalFieldsMayBeNull()
    {
        var incident = SampleDocuments.With(SampleDocuments.Incident, o =>
        {
            o["resolved_at"] = null;
            o["device"] = null;
            o["notes"] = null;
        });
        var approval = SampleDocuments.With(SampleDocuments.Approval, o => o["expires_at"] = null);

        Assert.Null(Parse(ArtifactKind.Incident, incident).Problem);
        Assert.Null(Parse(ArtifactKind.Approval, approval).Problem);
    }

    public static TheoryData<ArtifactKind, string> NullVariants()
    {
        var data = new TheoryData<ArtifactKind, string>();
        foreach (var (kind, json) in SampleDocuments.ByKind)
        {
            foreach (var variant in Variants(JsonNode.Parse(json)!))
            {
                data.Add(kind, variant);
            }
        }

        return data;
    }

    /// <summary>
    /// Every field set to null, one at a time, at any depth, and a null appended to every array: the
    /// parser must not throw, and whatever it calls readable must be safe for the index to use.
    /// </summary>
    [Theory]
    [MemberData(nameof(NullVariants), DisableDiscoveryEnumeration = true)]
    public void NullAnywhereNeverCrashesParsingOrIndexing(ArtifactKind kind, string json)
    {
        var outcome = Parse(kind, json);
        if (outcome.Document is null)
        {
            Assert.False(string.IsNullOrWhiteSpace(outcome.Problem));
            return;
        }

        var artifact = new LoadedArtifact
        {
            RelativePath = PathFor(kind),
            Kind = kind,
            Length = json.Length,
            LastWriteUtc = DateTimeOffset.UnixEpoch,
            Document = outcome.Document,
        };
        ArtifactFacets.Apply(new ArtifactRecord(), artifact);
        _ = ArtifactFindings.For(artifact).ToList();
        _ = (outcome.Document as ComplianceReport)?.ContradictionReason;
    }

    private static string PathFor(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Inventory => "devices.json",
        ArtifactKind.ComplianceReport => "compliance/2026-05-01/dev-1.json",
        ArtifactKind.Approval => "approvals/pending/approval-APR-2026-0110.json",
        ArtifactKind.BatchPlan => "batches/plans/B-1.json",
        ArtifactKind.BatchResult => "batches/results/B-1-r1.json",
        ArtifactKind.Incident => "incidents/INC-1.json",
        ArtifactKind.EngagementPackage => "engagement/dev-1/package.json",
        ArtifactKind.EngagementValidation => "engagement/dev-1/validation.json",
        ArtifactKind.ExecutionReport => "executions/run-1.json",
        ArtifactKind.Cycle => "operations/cycle-002/cycle.json",
        ArtifactKind.Gate => "operations/cycle-002/start-gate.json",
        _ => "other.txt",
    };

    private static IEnumerable<string> Variants(JsonNode document)
    {
        var count = PreOrder(document).Count;
        for (var i = 1; i < count; i++)
        {
            var copy = document.DeepClone();
            switch (PreOrder(copy)[i])
            {
                case { Parent: JsonObject parent } node:
                    parent[node.GetPropertyName()] = null;
                    yield return copy.ToJsonString();
                    break;
                case { Parent: JsonArray list } node:
                    list[node.GetElementIndex()] = null;
                    yield return copy.ToJsonString();
                    break;
            }
        }

        for (var i = 0; i < count; i++)
        {
            var copy = document.DeepClone();
            if (PreOrder(copy)[i] is JsonArray array)
            {
                array.Add(null);
                yield return copy.ToJsonString();
            }
        }
    }

    // Every node in a fixed order (JSON nulls included, as null entries), so index i names the same
    // place in a deep copy.
    private static List<JsonNode?> PreOrder(JsonNode? node)
    {
        var nodes = new List<JsonNode?>();
        Visit(node, nodes);
        return nodes;

        static void Visit(JsonNode? node, List<JsonNode?> nodes)
        {
            nodes.Add(node);
            var children = node switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a,
                _ => [],
            };
            foreach (var child in children)
            {
                Visit(child, nodes);
            }
        }
    }
}

using System.Text.Json;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Tests.Artifacts;

public sealed class BatchPlanPayloadTests
{
    private static PlanObject Obj(string kind, Dictionary<string, JsonElement>? payload) =>
        new() { Kind = kind, Action = "update", StagedPayload = payload };

    private static Dictionary<string, JsonElement> Payload(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    [Fact]
    public void ObjectsWithoutOrWithEmptyPayloadAreIncomplete()
    {
        var missing = Obj("missing", null);
        var empty = Obj("empty", []);
        var complete = Obj("complete", Payload("""{ "tenant": 7 }"""));
        var plan = new BatchPlan { Objects = [missing, complete, empty] };

        Assert.Equal([missing, empty], plan.IncompleteObjects);
    }

    [Fact]
    public void PlanWhoseObjectsAllCarryPayloadHasNoIncompleteObjects()
    {
        var plan = new BatchPlan { Objects = [Obj("a", Payload("""{ "x": null }""")), Obj("b", Payload("""{ "y": "z" }"""))] };

        Assert.Empty(plan.IncompleteObjects);
    }

    [Fact]
    public void ParsedPlanWithEmptyStagedPayloadReportsTheObject()
    {
        const string json = """
            { "schema": "opsconsole/batch-plan@1", "batch_id": "B-1", "approval_id": "APR-1", "device": { "id": 1, "name": "d" },
              "created_at": "2026-05-01T06:00:00Z",
              "objects": [ { "kind": "dcim.device", "action": "update", "lookup": { "name": "d" }, "staged_payload": {} },
                           { "kind": "ipam.ip", "action": "create", "lookup": { "address": "10.0.0.1/32" } } ] }
            """;

        var plan = Assert.IsType<BatchPlan>(ArtifactParser.Parse(ArtifactKind.BatchPlan, System.Text.Encoding.UTF8.GetBytes(json)).Document);

        Assert.Equal(["dcim.device", "ipam.ip"], plan.IncompleteObjects.Select(o => o.Kind));
    }
}

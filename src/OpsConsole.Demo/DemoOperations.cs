using OpsConsole.Core.Artifacts;

namespace OpsConsole.Demo;

/// <summary>Writes <c>operations/cycle-002/cycle.json</c> and one gate file per ladder step.</summary>
internal static class DemoOperations
{
    public static void Write(DemoWorld world, DemoWriter writer)
    {
        var gates = DemoGates.Plan(world);
        writer.Json($"operations/{DemoGates.CycleId}/cycle.json", new Cycle
        {
            Schema = "opsconsole/cycle@1",
            CycleId = DemoGates.CycleId,
            Title = "Cycle-002: metadata enrichment of the MNS-KTG link and access OLTs",
            StartedAt = world.Clock.At(12, 9, 0),
            Status = "blocked",
            Ladder = [.. gates.Select(g => new LadderStep { Gate = g.Id, Title = g.Title, Stage = g.Stage, Requires = [.. g.Requires] })],
        }, "cycle");

        foreach (var g in gates)
        {
            writer.Json(DemoGates.GatePath(g.Id), new Gate
            {
                Schema = "opsconsole/gate@1",
                CycleId = DemoGates.CycleId,
                GateId = g.Id,
                Title = g.Title,
                Status = g.Status,
                GeneratedAt = g.GeneratedAt,
                Summary = g.Summary,
                Checks = [.. g.Checks.Select(c => new GateCheck { Id = c.Id, Title = c.Title, Status = c.Status, Detail = c.Detail })],
                Evidence = [.. g.Evidence],
                Mode = g.Mode,
            }, "gate");
        }
    }
}

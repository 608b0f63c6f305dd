namespace OpsConsole.Core.StopConditions;

/// <summary>
/// Stop condition 6: a device name that carries more than one distinct id across the inventory and
/// the artifacts that name it (reports, approvals, plans, incidents, engagement files).
/// </summary>
internal static class DeviceIdMismatch
{
    private const string InventoryPath = "devices.json";

    public static StopConditionResult Evaluate(List<IndexRow> rows, List<(string Name, long NetboxId)> inventory, List<StopEvidence> unreadable)
    {
        var sightings = inventory.Select(d => (Path: InventoryPath, Device: d.Name, Id: d.NetboxId))
            .Concat(rows.Where(r => r.Readable && r.Device is not null && r.DeviceId is not null)
                .Select(r => (r.Path, Device: r.Device!, Id: r.DeviceId!.Value)))
            .ToList();

        var triggers = new List<StopEvidence>();
        foreach (var group in sightings.GroupBy(s => s.Device, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ids = group.Select(s => s.Id).Distinct().Order().ToList();
            if (ids.Count < 2)
            {
                continue;
            }

            // One example path per id, the inventory first, so each reason points at the other side.
            var example = ids.ToDictionary(id => id, id => group.Where(s => s.Id == id)
                .OrderBy(s => s.Path == InventoryPath ? 0 : 1).ThenBy(s => s.Path, StringComparer.Ordinal).First().Path);
            var shared = $"device {group.Key} has {ids.Count} different ids across artifacts (ids seen: {string.Join(", ", ids)})";
            foreach (var s in group.OrderBy(s => s.Path, StringComparer.Ordinal))
            {
                var others = string.Join(", ", ids.Where(id => id != s.Id).Select(id => $"id {id} in {example[id]}"));
                triggers.Add(new StopEvidence(s.Path,
                    $"device {s.Device} has id {s.Id} here, but other artifacts give {others} (ids seen: {string.Join(", ", ids)})",
                    s.Device, Group: shared));
            }
        }

        return StopConditionResult.Create(6, triggers, unreadable);
    }
}

using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Approvals;

/// <summary>
/// Stop condition 4 for one device: an open critical incident naming the device (by id or name)
/// blocks approval. Reads <c>incidents/*.json</c> through the store on every call, because the
/// index may be stale when the CLI runs. An unreadable incident file also blocks: it might be the
/// open critical one, and a false "no blocker" is worse than a refusal a person can clear.
/// </summary>
public sealed class OpenCriticalIncidentBlockers(ArtifactStore store) : IApprovalBlockers
{
    private const string Folder = "incidents";

    /// <inheritdoc />
    public IReadOnlyList<ApprovalBlocker> Find(DeviceRef device, string batchId)
    {
        var folder = store.Resolve(Folder);
        if (folder is null || !Directory.Exists(folder))
        {
            return [];
        }

        var blockers = new List<ApprovalBlocker>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.'))
            {
                continue;
            }

            var rel = $"{Folder}/{name}";
            var loaded = store.Load(rel);
            if (loaded is null)
            {
                continue; // removed since listing, or a path the store does not allow (symlink out of the root)
            }

            if (!loaded.IsReadable || loaded.As<Incident>() is not { } incident)
            {
                blockers.Add(new(rel, $"incident file is unreadable ({loaded.Problem}); it cannot be ruled out as an open critical incident on {device.Name}"));
                continue;
            }

            if (incident is { Status: "open", Severity: "critical", Device: { } d } && (d.Id == device.Id || d.Name == device.Name))
            {
                blockers.Add(new(rel, $"{incident.IncidentId} is an open critical incident on {d.Name} (id {d.Id}): {incident.Title}"));
            }
        }

        return blockers;
    }
}

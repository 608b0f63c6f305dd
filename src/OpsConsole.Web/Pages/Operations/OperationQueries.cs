using System.Text.Json;
using System.Text.Json.Nodes;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Operations;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Operations;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Operations;

/// <summary>
/// The controlled-operation pages' view models, assembled from the read layer (<see cref="OperationReads"/>):
/// evidence links with their pages, the gate's raw JSON, week-1 devices and local commands. Nothing here
/// opens the index or writes anything.
/// </summary>
public sealed class OperationQueries(OperationReads reads, ArtifactStore store, QuarantinedFiles quarantine)
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The artifact root (shown in empty states and used in local commands).</summary>
    public string Root => reads.Root;

    /// <summary>One page of cycles (ids from the index), each with its evaluated ladder.</summary>
    public async Task<PagedList<CycleRow>> CyclesAsync(PageRequest request)
    {
        var cycles = await reads.CyclesAsync(request);
        return new PagedList<CycleRow>([.. cycles.Items.Select(c => new CycleRow(c.CycleId, c))], cycles.Total, cycles.Request);
    }

    /// <summary>The evaluated cycle, or null when no such cycle exists (neither indexed nor on disk).</summary>
    public Task<LadderEvaluation?> CycleAsync(string cycleId) => reads.CycleAsync(cycleId);

    /// <summary>Everything a gate page shows for <paramref name="step"/>.</summary>
    public async Task<GateView> GateAsync(LadderEvaluation cycle, LadderStepEvaluation step)
    {
        var quarantined = quarantine.Paths;
        var paths = Cited(step.Gate?.Evidence ?? []);
        var evidence = Links(cycle.CycleId, paths, await reads.IndexedPathsAsync(paths), quarantined);
        var isQuarantined = quarantined.Contains(step.Path);
        var raw = isQuarantined || store.Load(step.Path) is not { IsReadable: true, Secrets.Count: 0 } ? null : PrettyJson(step.Path);
        var attempt = step.Stage == "real-write" && step.GateId != OperationRoutes.AttemptGate
            ? cycle.Steps.FirstOrDefault(s => s.GateId == OperationRoutes.AttemptGate)
            : null;
        var responses = step.Stage == "week1" ? await Week1DevicesAsync(cycle) : null;
        return new GateView(cycle, step, evidence, isQuarantined, raw, attempt, responses);
    }

    /// <summary>Everything a stage overview page shows; week 1 also gets its devices and local commands.</summary>
    public async Task<StageView> StageAsync(LadderEvaluation cycle, string stage)
    {
        var steps = cycle.Steps.Where(s => s.Stage == stage).ToList();
        var evidence = await EvidenceAsync(cycle, steps);
        if (stage != "week1")
        {
            return new StageView(cycle, stage, steps, evidence, [], []);
        }

        var devices = await Week1DevicesAsync(cycle);
        var plans = await reads.CitedPlansAsync(cycle);
        return new StageView(cycle, stage, steps, evidence, devices, LocalCommands.For(Root, [.. plans.Select(p => (p.Path, p.Device, p.DeviceId))]));
    }

    /// <summary>The evidence of each of <paramref name="steps"/>, by gate id.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<EvidenceLink>>> EvidenceAsync(LadderEvaluation cycle, IEnumerable<LadderStepEvaluation> steps)
    {
        var quarantined = quarantine.Paths;
        // One lookup of every cited path of the ladder instead of one query per gate (24 on Cycle-002).
        var stepList = steps.ToList();
        var known = await reads.IndexedPathsAsync(Cited(stepList.SelectMany(s => s.Gate?.Evidence ?? [])));
        var evidence = new Dictionary<string, IReadOnlyList<EvidenceLink>>(StringComparer.Ordinal);
        foreach (var step in stepList)
        {
            evidence[step.GateId] = Links(cycle.CycleId, step.Gate?.Evidence ?? [], known, quarantined);
        }

        return evidence;
    }

    private async Task<IReadOnlyList<Week1Device>> Week1DevicesAsync(LadderEvaluation cycle) =>
        [.. (await reads.Week1DevicesAsync(cycle)).Select(d => new Week1Device(d.Name, d.DeviceId, d.HasPackage, d.HasResponses, d.HasValidation))];

    private static List<string> Cited(IEnumerable<string> paths) =>
        [.. paths.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal)];

    private static List<EvidenceLink> Links(string cycleId, IReadOnlyList<string> paths, IReadOnlySet<string> known, IReadOnlySet<string> quarantined) =>
        [.. Cited(paths).Select(p => new EvidenceLink(p, known.Contains(p), quarantined.Contains(p), PageFor(cycleId, p)))];

    private static string? PageFor(string cycleId, string path)
    {
        var parts = path.Split('/');
        if (parts is ["operations", var cycle, var file] && cycle == cycleId && file.EndsWith(".json", StringComparison.Ordinal)
            && OperationRoutes.IsValidId(file[..^5]) && file != "cycle.json")
        {
            return OperationRoutes.Gate(cycleId, file[..^5]);
        }

        if (Executions.ExecutionLinks.IsExecutionPath(path))
        {
            return Executions.ExecutionLinks.PageOf(path); // execution logs and reports have their own page
        }

        return parts is ["engagement", var device, _] && DeviceNames.IsValid(device) ? "/service-engagement/" + Uri.EscapeDataString(device) : null;
    }

    private string? PrettyJson(string path)
    {
        var bytes = store.ReadBytes(path);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }

            return SecretRedactor.Redact(JsonNode.Parse(span)?.ToJsonString(Pretty));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

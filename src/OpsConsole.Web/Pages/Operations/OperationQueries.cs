using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Operations;
using OpsConsole.Core.Read;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Operations;

/// <summary>
/// Read-only queries of the controlled-operation pages: cycles come from the index, each cycle's
/// ladder is evaluated from its files through the (cached) store. Nothing here writes anything.
/// </summary>
public sealed class OperationQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, QuarantinedFiles quarantine)
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The artifact root (shown in empty states and used in local commands).</summary>
    public string Root => store.Root;

    /// <summary>One page of cycles (ids from the index), each with its evaluated ladder.</summary>
    public async Task<PagedList<CycleRow>> CyclesAsync(PageRequest request)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ids = db.Artifacts.AsNoTracking()
            .Where(a => a.Kind == nameof(ArtifactKind.Cycle) && a.Key != null)
            .Select(a => a.Key!).Distinct().OrderBy(k => k).ToPage(request);
        var rows = ids.Items.Where(OperationRoutes.IsValidId).Select(id => new CycleRow(id, Evaluate(id))).ToList();
        return new PagedList<CycleRow>(rows, ids.Total, ids.Request);
    }

    /// <summary>The evaluated cycle, or null when no such cycle exists (neither indexed nor on disk).</summary>
    public async Task<LadderEvaluation?> CycleAsync(string cycleId)
    {
        if (!OperationRoutes.IsValidId(cycleId))
        {
            return null;
        }

        var path = GateLadder.CyclePath(cycleId);
        await using var db = await dbFactory.CreateDbContextAsync();
        var indexed = await db.Artifacts.AsNoTracking().AnyAsync(a => a.Path == path);
        return indexed || store.Load(path) is not null ? Evaluate(cycleId) : null;
    }

    /// <summary>Everything a gate page shows for <paramref name="step"/>.</summary>
    public async Task<GateView> GateAsync(LadderEvaluation cycle, LadderStepEvaluation step)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var quarantined = quarantine.Paths;
        var evidence = await EvidenceAsync(db, cycle.CycleId, step.Gate?.Evidence ?? [], quarantined);
        var isQuarantined = quarantined.Contains(step.Path);
        var raw = isQuarantined || store.Load(step.Path) is not { IsReadable: true, Secrets.Count: 0 } ? null : PrettyJson(step.Path);
        var attempt = step.Stage == "real-write" && step.GateId != OperationRoutes.AttemptGate
            ? cycle.Steps.FirstOrDefault(s => s.GateId == OperationRoutes.AttemptGate)
            : null;
        var responses = step.Stage == "week1" ? await Week1DevicesAsync(db, cycle) : null;
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

        await using var db = await dbFactory.CreateDbContextAsync();
        var devices = await Week1DevicesAsync(db, cycle);
        var plans = await PlansAsync(db, cycle);
        return new StageView(cycle, stage, steps, evidence, devices, LocalCommands.For(Root, plans));
    }

    /// <summary>The evidence of each of <paramref name="steps"/>, by gate id.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<EvidenceLink>>> EvidenceAsync(LadderEvaluation cycle, IEnumerable<LadderStepEvaluation> steps)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var quarantined = quarantine.Paths;
        // One lookup of every cited path of the ladder instead of one query per gate (24 on Cycle-002).
        var stepList = steps.ToList();
        var cited = stepList.SelectMany(s => s.Gate?.Evidence ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.Artifacts.AsNoTracking().Where(a => cited.Contains(a.Path)).Select(a => a.Path).ToListAsync())
            .ToHashSet(StringComparer.Ordinal);
        var evidence = new Dictionary<string, IReadOnlyList<EvidenceLink>>(StringComparer.Ordinal);
        foreach (var step in stepList)
        {
            evidence[step.GateId] = Links(cycle.CycleId, step.Gate?.Evidence ?? [], known, quarantined);
        }

        return evidence;
    }

    private LadderEvaluation Evaluate(string cycleId) => GateLadder.Evaluate(cycleId, store.Load);

    private static async Task<IReadOnlyList<EvidenceLink>> EvidenceAsync(IndexDbContext db, string cycleId, IReadOnlyList<string> paths, IReadOnlySet<string> quarantined)
    {
        var list = paths.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.Artifacts.AsNoTracking().Where(a => list.Contains(a.Path)).Select(a => a.Path).ToListAsync())
            .ToHashSet(StringComparer.Ordinal);
        return Links(cycleId, list, known, quarantined);
    }

    private static List<EvidenceLink> Links(string cycleId, IReadOnlyList<string> paths, HashSet<string> known, IReadOnlySet<string> quarantined) =>
        [.. paths.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal)
            .Select(p => new EvidenceLink(p, known.Contains(p), quarantined.Contains(p), PageFor(cycleId, p)))];

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

    // Week-1 devices are those whose engagement files the week-1 gates cite; without any, every engaged device.
    private static async Task<IReadOnlyList<Week1Device>> Week1DevicesAsync(IndexDbContext db, LadderEvaluation cycle)
    {
        var cited = cycle.Steps.Where(s => s.Stage == "week1").SelectMany(s => s.Gate?.Evidence ?? [])
            .Select(p => p.Split('/')).Where(p => p is ["engagement", _, _] && DeviceNames.IsValid(p[1])).Select(p => p[1])
            .Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.Artifacts.AsNoTracking().Where(a => a.Path.StartsWith("engagement/"))
            .Select(a => new { a.Path, a.Kind, a.Device, a.DeviceId }).ToListAsync();
        var names = cited.Count > 0 ? cited
            : [.. rows.Where(r => r.Kind == nameof(ArtifactKind.EngagementPackage)).Select(r => r.Path.Split('/')[1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return [.. names.Select(n => new Week1Device(n,
            rows.FirstOrDefault(r => r.Path == $"engagement/{n}/package.json")?.DeviceId,
            rows.Any(r => r.Path == $"engagement/{n}/package.json"),
            rows.Any(r => r.Path == $"engagement/{n}/responses.csv"),
            rows.Any(r => r.Path == $"engagement/{n}/validation.json")))];
    }

    // Batch plans the cycle's gates cite, with the plan's device and the id the INVENTORY gives it: the
    // suggested validate command must compare the plan with the inventory, not with itself.
    private static async Task<IReadOnlyList<(string Path, string? Device, long? DeviceId)>> PlansAsync(IndexDbContext db, LadderEvaluation cycle)
    {
        var cited = cycle.Steps.SelectMany(s => s.Gate?.Evidence ?? []).Where(p => p.StartsWith("batches/plans/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.Artifacts.AsNoTracking().Where(a => cited.Contains(a.Path)).Select(a => new { a.Path, a.Device }).ToListAsync();
        var names = rows.Select(r => r.Device).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var inventory = await db.Devices.AsNoTracking().Where(d => names.Contains(d.Name)).ToDictionaryAsync(d => d.Name, d => d.NetboxId, StringComparer.Ordinal);
        return [.. cited.Select(p => rows.FirstOrDefault(r => r.Path == p) is { Device: { } device }
            ? (p, device, inventory.TryGetValue(device, out var id) ? id : (long?)null)
            : (p, (string?)null, (long?)null))];
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

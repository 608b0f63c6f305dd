using System.Globalization;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Operations;

/// <summary>
/// Evaluates a cycle's gate ladder from its files, failing closed: a missing, unreadable or misplaced
/// gate file is unknown; a gate that says passed while a gate it requires is not passed (as the console
/// sees it, transitively) or while one of its own checks failed is a violation, never passed. The rules
/// are written down in docs/gate-ladder.md.
/// </summary>
public static class GateLadder
{
    /// <summary>Root-relative path of a cycle's <c>cycle.json</c>.</summary>
    public static string CyclePath(string cycleId) => $"operations/{cycleId}/cycle.json";

    /// <summary>Root-relative path of one gate file of a cycle.</summary>
    public static string GatePath(string cycleId, string gateId) => $"operations/{cycleId}/{gateId}.json";

    /// <summary>
    /// Loads <c>operations/&lt;cycleId&gt;/cycle.json</c> through <paramref name="load"/> (normally
    /// <see cref="ArtifactStore.Load"/>) and evaluates its ladder. A missing or unreadable cycle file, or
    /// one whose <c>cycle_id</c> disagrees with its folder, makes the whole cycle unknown.
    /// </summary>
    public static LadderEvaluation Evaluate(string cycleId, Func<string, LoadedArtifact?> load)
    {
        var path = CyclePath(cycleId);
        var file = load(path);
        if (file is null || !file.IsReadable || file.As<Cycle>() is not { } cycle)
        {
            return new LadderEvaluation
            {
                CycleId = cycleId,
                CyclePath = path,
                OverallStatus = GateStatuses.Unknown,
                Problem = file is null
                    ? LadderReasons.Create(LadderReasons.CycleFileMissing, path)
                    : LadderReasons.Create(LadderReasons.CycleFileUnreadable, path, file.Problem ?? "it is not a cycle document"),
            };
        }

        var evaluation = Evaluate(cycle, load, cycleId);
        return cycle.CycleId == cycleId
            ? evaluation
            : evaluation with
            {
                Problem = LadderReasons.Create(LadderReasons.CycleWrongId, path, cycle.CycleId, cycleId),
                OverallStatus = GateStatuses.Unknown,
            };
    }

    /// <summary>
    /// Evaluates the ladder of <paramref name="cycle"/>. Gate files are read through
    /// <paramref name="loadGate"/> by root-relative path (<c>operations/&lt;folder&gt;/&lt;gate&gt;.json</c>);
    /// <paramref name="folder"/> defaults to the cycle id.
    /// </summary>
    public static LadderEvaluation Evaluate(Cycle cycle, Func<string, LoadedArtifact?> loadGate, string? folder = null)
    {
        folder ??= cycle.CycleId;
        var ladder = cycle.Ladder;
        var reads = ladder.Select(step => Read(folder, step, loadGate)).ToArray();
        var resolver = new LadderResolver(ladder, reads);
        for (var i = 0; i < ladder.Count; i++)
        {
            resolver.Resolve(i);
        }

        var regressions = FindRegressions(ladder, reads);
        var steps = ladder.Select((step, i) => new LadderStepEvaluation
        {
            Index = i,
            GateId = step.Gate,
            Title = string.IsNullOrEmpty(step.Title) ? reads[i].Gate?.Title ?? step.Gate : step.Title,
            Stage = step.Stage,
            Requires = step.Requires,
            Path = reads[i].Path,
            Gate = reads[i].Gate,
            RawStatus = reads[i].Gate?.Status,
            EffectiveStatus = resolver.Status[i]!,
            Problem = reads[i].Problem?.Text,
            Violations = resolver.Violations[i],
            Reasons = [.. resolver.Reasons[i], .. regressions.Where(r => r.GateId == step.Gate).Select(r => r.Reason)],
        }).ToList();

        return new LadderEvaluation
        {
            CycleId = folder,
            CyclePath = CyclePath(folder),
            Cycle = cycle,
            Steps = steps,
            OverallStatus = GateStatuses.Worst([.. steps.Select(s => s.EffectiveStatus)]),
            FreezeGate = steps.FirstOrDefault(s => s.IsFreeze && s.Problem is null && s.RawStatus == GateStatuses.Passed),
            TimestampRegressions = regressions,
        };
    }

    private static GateRead Read(string folder, LadderStep step, Func<string, LoadedArtifact?> loadGate)
    {
        var path = GatePath(folder, step.Gate);
        var file = loadGate(path);
        if (file is null)
        {
            return new GateRead(path, null, LadderReasons.Create(LadderReasons.FileMissing, path));
        }

        if (!file.IsReadable || file.As<Gate>() is not { } gate)
        {
            return new GateRead(path, null, LadderReasons.Create(LadderReasons.FileUnreadable, path, file.Problem ?? "it is not a gate document"));
        }

        if (gate.CycleId != folder)
        {
            return new GateRead(path, gate, LadderReasons.Create(LadderReasons.WrongCycle, path, gate.CycleId, folder));
        }

        return gate.GateId != step.Gate
            ? new GateRead(path, gate, LadderReasons.Create(LadderReasons.WrongGate, path, gate.GateId, step.Gate))
            : new GateRead(path, gate, null);
    }

    // Only gates that made a claim count: a not-started file may be a placeholder written when the
    // cycle was laid out, long before the gates above it were generated.
    private static List<TimestampRegression> FindRegressions(List<LadderStep> ladder, GateRead[] reads)
    {
        var found = new List<TimestampRegression>();
        (string Id, DateTimeOffset At)? latest = null;
        for (var i = 0; i < ladder.Count; i++)
        {
            if (reads[i] is not { Problem: null, Gate: { } gate } || gate.Status == GateStatuses.NotStarted)
            {
                continue;
            }

            if (latest is { } l && gate.GeneratedAt < l.At)
            {
                var reason = LadderReasons.Create(LadderReasons.GeneratedBeforeEarlier, Format(gate.GeneratedAt), l.Id, Format(l.At));
                found.Add(new TimestampRegression(ladder[i].Gate, gate.GeneratedAt, l.Id, l.At, reason));
            }
            else
            {
                latest = (ladder[i].Gate, gate.GeneratedAt);
            }
        }

        return found;
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal sealed record GateRead(string Path, Gate? Gate, LadderReason? Problem);
}

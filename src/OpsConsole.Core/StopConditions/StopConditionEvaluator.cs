using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Operations;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.StopConditions;

/// <summary>
/// Evaluates the seven stop conditions over the index. Conditions 1–5 come from the per-file findings
/// the indexer stored; 6 (device id mismatch) and 7 (gate out of order) span artifacts and are worked
/// out here. The result is cached per <see cref="IndexState.Version"/>, so pages do not recompute it
/// per request; it is recomputed on the first call after the index changed.
/// </summary>
public sealed class StopConditionEvaluator(Func<IndexDbContext> createDb, IndexState state, Func<string, LoadedArtifact?> load, TimeProvider? clock = null)
{
    private VersionedCache<StopEvaluation>? _cache;

    /// <summary>Creates an evaluator that reads gate and cycle files through <paramref name="store"/>.</summary>
    public StopConditionEvaluator(Func<IndexDbContext> createDb, IndexState state, ArtifactStore store, TimeProvider? clock = null)
        : this(createDb, state, store.Load, clock)
    {
    }

    /// <summary>The evaluation for the current index version (cached).</summary>
    public StopEvaluation Evaluate() => LazyInitializer.EnsureInitialized(ref _cache, () => new VersionedCache<StopEvaluation>(state, Compute)).Current();

    /// <summary>Triggered or unknown conditions concerning a device or a batch (see <see cref="StopEvaluation.ForDeviceOrBatch"/>).</summary>
    public IReadOnlyList<StopConditionResult> ForDeviceOrBatch(string? device, string? batchId) =>
        Evaluate().ForDeviceOrBatch(device, batchId);

    private StopEvaluation Compute(long version)
    {
        using var db = createDb();
        var findings = db.Findings.AsNoTracking().ToList();
        // Condition 6 needs the rows of devices seen with two or more ids only; the database finds those names,
        // so the 300,000 consistent compliance reports of a large NOC are never loaded; the distinct pairs come from
        // the partial (Device, DeviceId) index (IndexDbContext). Quoted identifiers and
        // an aliased subquery: the same SQL on SQLite and PostgreSQL.
        var mismatched = db.Database.SqlQueryRaw<string>(
            """
            SELECT "Device" AS "Value" FROM (
                SELECT DISTINCT "Device", "DeviceId" AS "Id" FROM artifacts WHERE "Readable" AND "Device" IS NOT NULL AND "DeviceId" IS NOT NULL
                UNION ALL SELECT "Name", "NetboxId" FROM devices) AS ids
            GROUP BY "Device" HAVING COUNT(DISTINCT "Id") > 1
            """).ToList();
        var rows = db.Artifacts.AsNoTracking()
            .Where(a => !a.Readable || (a.DeviceId != null && mismatched.Contains(a.Device!)) || a.Sha256 == "" || a.Kind == nameof(ArtifactKind.Cycle)
                || a.Kind == nameof(ArtifactKind.Gate) || a.Kind == nameof(ArtifactKind.BatchPlan) || a.Kind == nameof(ArtifactKind.Approval))
            .Select(a => new IndexRow(a.Path, a.Kind, a.Readable, a.Problem, a.Size, a.Sha256, a.Key, a.Device, a.DeviceId, a.GroupKey, a.Refused))
            .ToList();
        var inventory = db.Devices.AsNoTracking().Select(d => new { d.Name, d.NetboxId }).ToList()
            .Select(d => (d.Name, d.NetboxId)).ToList();
        var missing = MissingInputs(db);

        var batchDevices = BatchDevices(rows);
        var batches = KnownBatches(rows);
        var cycles = EvaluateCycles(rows);
        IEnumerable<StopEvidence> UnreadableFor(int n) => rows.Where(r => !r.Readable && UnreadableScope.Concerns(n, r.Kind, r.Path))
            .Select(r => Unreadable(r, $"unreadable: {r.Problem}", batches, batchDevices)).Concat(missing.Where(m => m.Conditions.Contains(n)).Select(m => m.Evidence));
        var conditions = new List<StopConditionResult>
        {
            FromFindings(1, findings, batchDevices, rows.Where(r => r.Sha256 == "" && (r.Size > 0 || r.Refused))
                .Select(r => Unreadable(r, $"not scanned for secrets: {r.Problem ?? "the file could not be read"}", batches, batchDevices))
                .Concat(missing.Where(m => m.Conditions.Contains(1)).Select(m => m.Evidence))),
            FromFindings(2, findings, batchDevices, UnreadableFor(2)),
            FromFindings(3, findings, batchDevices, UnreadableFor(3)),
            FromFindings(4, findings, batchDevices, UnreadableFor(4)),
            FromFindings(5, findings, batchDevices, UnreadableFor(5)),
            DeviceIdMismatch.Evaluate(rows, inventory, [.. UnreadableFor(6)]),
            GateOrder(rows, cycles, [.. rows.Where(r => r.Refused && UnreadableScope.Concerns(7, r.Kind, r.Path))
                .Select(r => Unreadable(r, $"unreadable: {r.Problem}", batches, batchDevices)).Concat(missing.Where(m => m.Conditions.Contains(7)).Select(m => m.Evidence))]),
        };

        return new StopEvaluation
        {
            IndexVersion = version,
            EvaluatedAt = (clock ?? TimeProvider.System).GetUtcNow(),
            Conditions = conditions,
            Cycles = cycles,
            QuarantinedPaths = findings.Where(f => f.Condition == StopConditionNumber.Secret).Select(f => f.Path).ToHashSet(StringComparer.Ordinal),
        };
    }

    private static StopConditionResult FromFindings(int number, List<FindingRecord> findings, Dictionary<string, string> batchDevices, IEnumerable<StopEvidence> unreadable)
    {
        var triggers = findings.Where(f => f.Condition == number)
            .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Id)
            .Select(f => new StopEvidence(f.Path, f.Detail,
                f.Device ?? (f.GroupKey is { } b && batchDevices.TryGetValue(b, out var d) ? d : null), f.GroupKey))
            .ToList();
        return StopConditionResult.Create(number, triggers, [.. unreadable.OrderBy(e => e.Path, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Inputs that are not files at all: the root itself (unavailable, or holding no file, as an unmounted
    /// volume does: every condition is unknown) and a missing inventory (condition 6 cannot compare ids).
    /// </summary>
    private List<(int[] Conditions, StopEvidence Evidence)> MissingInputs(IndexDbContext db)
    {
        int[] all = [.. StopConditionCatalogue.Numbers];
        if (!state.RootAvailable)
        {
            return [(all, new StopEvidence(RootPath, "the artifact root cannot be listed (missing or not mounted): nothing under it could be read"))];
        }

        if (!db.Artifacts.Any())
        {
            return [(all, new StopEvidence(RootPath, "the artifact root holds no files (empty, or a volume that is not mounted): nothing could be read"))];
        }

        return db.Artifacts.Any(a => a.Path == InventoryPath) ? []
            : [([6], new StopEvidence(InventoryPath, "devices.json is missing: device ids cannot be compared with the inventory"))];
    }

    /// <summary>The evidence path that stands for the artifact root itself.</summary>
    public const string RootPath = ".";

    private const string InventoryPath = "devices.json";

    // An unreadable batch result names its batch only in its file name (<batch-id>-<run>.json): the longest
    // known batch id that prefixes it. Left unattributed (it then concerns every batch) when none does.
    internal static StopEvidence Unreadable(IndexRow r, string reason, IReadOnlyCollection<string> batches, Dictionary<string, string> batchDevices)
    {
        var batch = r.Kind switch
        {
            nameof(ArtifactKind.BatchPlan) => r.Key,
            nameof(ArtifactKind.BatchResult) => batches.Where(b => Path.GetFileName(r.Path).StartsWith(b + "-", StringComparison.Ordinal))
                .OrderByDescending(b => b.Length).FirstOrDefault(),
            _ => null,
        };
        var device = r.Device ?? (batch is not null && batchDevices.TryGetValue(batch, out var d) ? d : null);
        return new(r.Path, reason, device, batch);
    }

    private static HashSet<string> KnownBatches(List<IndexRow> rows) =>
        rows.Where(r => r.Readable).Select(r => r.Kind switch
        {
            nameof(ArtifactKind.BatchPlan) => r.Key,
            nameof(ArtifactKind.Approval) => r.GroupKey,
            _ => null,
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);

    // Batch results name no device; plans and approvals tie a batch id to one.
    private static Dictionary<string, string> BatchDevices(List<IndexRow> rows)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rows.Where(r => r.Readable && r.Device is not null))
        {
            var batch = r.Kind switch
            {
                nameof(ArtifactKind.BatchPlan) => r.Key,
                nameof(ArtifactKind.Approval) => r.GroupKey,
                _ => null,
            };
            if (batch is not null)
            {
                map.TryAdd(batch, r.Device!);
            }
        }

        return map;
    }

    private List<LadderEvaluation> EvaluateCycles(List<IndexRow> rows) =>
        [.. rows.Where(r => r.Kind == nameof(ArtifactKind.Cycle))
            .Select(r => r.Path.Split('/')[1])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => GateLadder.Evaluate(id, load))];

    private static StopConditionResult GateOrder(List<IndexRow> rows, List<LadderEvaluation> cycles, List<StopEvidence> refused)
    {
        var triggers = new List<StopEvidence>();
        var unreadable = refused;
        foreach (var cycle in cycles)
        {
            if (cycle.Problem is { } problem)
            {
                unreadable.Add(new StopEvidence(cycle.CyclePath, $"cycle {cycle.CycleId}: {problem.Text}"));
            }

            foreach (var step in cycle.Steps)
            {
                triggers.AddRange(step.Violations.Select(v => new StopEvidence(step.Path, $"cycle {cycle.CycleId}, gate {step.GateId}: {v.Text}")));
                if (step.EffectiveStatus == GateStatuses.Unknown && !step.IsMissing)
                {
                    unreadable.Add(new StopEvidence(step.Path, $"cycle {cycle.CycleId}, gate {step.GateId}: {step.Problem}"));
                }
            }
        }

        // Gate files in a folder without a cycle.json cannot be put in order at all.
        var cycleFolders = cycles.Select(c => c.CycleId).ToHashSet(StringComparer.Ordinal);
        unreadable.AddRange(rows.Where(r => r.Kind == nameof(ArtifactKind.Gate) && !cycleFolders.Contains(r.Path.Split('/')[1]))
            .Select(r => new StopEvidence(r.Path, $"gate file in operations/{r.Path.Split('/')[1]}/, which has no cycle.json: its order cannot be checked")));
        return StopConditionResult.Create(7, triggers, unreadable);
    }
}

/// <summary>The index columns the stop conditions need.</summary>
internal sealed record IndexRow(string Path, string Kind, bool Readable, string? Problem, long Size, string Sha256,
    string? Key, string? Device, long? DeviceId, string? GroupKey, bool Refused = false);

using OpsConsole.Core.Operations;

namespace OpsConsole.Core.StopConditions;

/// <summary>The three states of a stop condition.</summary>
public static class StopStates
{
    /// <summary>Every input that could decide the condition was read and none holds it.</summary>
    public const string Clear = "clear";

    /// <summary>At least one artifact holds the condition.</summary>
    public const string Triggered = "triggered";

    /// <summary>Nothing holds it, but an input that could have decided it is unreadable: not clear.</summary>
    public const string Unknown = "unknown";
}

/// <summary>One artifact that triggers a condition, or one unreadable input that leaves it undecided.</summary>
/// <param name="Path">Root-relative path of the artifact.</param>
/// <param name="Reason">The exact reason, in English; never contains a secret (tokens are masked).</param>
/// <param name="Device">The device it concerns, when known.</param>
/// <param name="BatchId">The batch it concerns, when known.</param>
/// <param name="Group">
/// The reason shared by every artifact of one finding (e.g. "device X has ids 1, 2 across artifacts"), so a
/// refusal lists it once with the files; null when <paramref name="Reason"/> stands alone.
/// </param>
public sealed record StopEvidence(string Path, string Reason, string? Device = null, string? BatchId = null, string? Group = null);

/// <summary>The outcome of one stop condition (ARTIFACTS.md "Stop conditions").</summary>
public sealed record StopConditionResult
{
    /// <summary>Condition number, 1–7.</summary>
    public required int Number { get; init; }

    /// <summary>English title; translations live under <see cref="TitleKey"/>.</summary>
    public required string Title { get; init; }

    /// <summary>Resource key of the title, <c>stop.&lt;n&gt;.title</c>.</summary>
    public string TitleKey => $"stop.{Number}.title";

    /// <summary><see cref="StopStates"/> value.</summary>
    public required string State { get; init; }

    /// <summary>Artifacts that hold the condition, with exact reasons.</summary>
    public IReadOnlyList<StopEvidence> Triggers { get; init; } = [];

    /// <summary>Inputs that could decide the condition but could not be read (why the state is unknown).</summary>
    public IReadOnlyList<StopEvidence> UnreadableInputs { get; init; } = [];

    /// <summary>Resource key of the runbook action, <c>stop.&lt;n&gt;.action</c>.</summary>
    public string ActionKey => $"stop.{Number}.action";

    /// <summary>The runbook action in English.</summary>
    public required string Action { get; init; }

    /// <summary>True only when the state is clear.</summary>
    public bool IsClear => State == StopStates.Clear;

    /// <summary>Builds a result, deriving the state: triggered wins over unknown, unknown over clear.</summary>
    public static StopConditionResult Create(int number, IReadOnlyList<StopEvidence> triggers, IReadOnlyList<StopEvidence> unreadable) => new()
    {
        Number = number,
        Title = StopConditionCatalogue.Title(number),
        Action = StopConditionCatalogue.Action(number),
        State = triggers.Count > 0 ? StopStates.Triggered : unreadable.Count > 0 ? StopStates.Unknown : StopStates.Clear,
        Triggers = triggers,
        UnreadableInputs = unreadable,
    };
}

/// <summary>All seven conditions evaluated over one version of the index, plus the cycle ladders behind condition 7.</summary>
public sealed record StopEvaluation
{
    /// <summary>The <see cref="Index.IndexState.Version"/> this evaluation was computed for.</summary>
    public required long IndexVersion { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>Conditions 1–7, in order.</summary>
    public required IReadOnlyList<StopConditionResult> Conditions { get; init; }

    /// <summary>Every cycle's ladder, evaluated (condition 7 is built from these).</summary>
    public IReadOnlyList<LadderEvaluation> Cycles { get; init; } = [];

    /// <summary>Paths with a condition-1 finding: the web console refuses to serve them.</summary>
    public IReadOnlySet<string> QuarantinedPaths { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True only when every condition is clear (unknown is not clear).</summary>
    public bool AllClear => Conditions.All(c => c.IsClear);

    /// <summary>triggered when any condition is triggered; else unknown when any is unknown; else clear.</summary>
    public string State => Conditions.Any(c => c.State == StopStates.Triggered) ? StopStates.Triggered
        : Conditions.Any(c => c.State == StopStates.Unknown) ? StopStates.Unknown : StopStates.Clear;

    /// <summary>The condition with number <paramref name="number"/>.</summary>
    public StopConditionResult this[int number] => Conditions.First(c => c.Number == number);

    /// <summary>
    /// The conditions that stand in the way of a decision on <paramref name="device"/> or batch
    /// <paramref name="batchId"/>: each result keeps only the evidence concerning them and is triggered
    /// or unknown (clear ones are left out). The CLI (approve, validate) and the web (timeline) both decide
    /// from this one rule:
    /// <list type="bullet">
    /// <item>evidence naming the device or the batch concerns it;</item>
    /// <item>an open critical incident naming no device (or an incident file that cannot be read) concerns
    /// every device: the runbook pauses all approvals and writes until it is mitigated or resolved;</item>
    /// <item>an unreadable input that can be tied to no device and no batch (a folder, the root, a missing
    /// inventory, a batch result whose batch is unknown) concerns every device for conditions 2–6: it cannot be
    /// ruled out. The one exception is an unreadable approval file: it is one record, which no one can decide
    /// while it is unreadable; it keeps conditions 5 and 6 unknown on /stop-conditions and in <c>check</c>, but
    /// does not stop decisions on the other records;</item>
    /// <item>condition 7 (gate order) concerns cycles, not devices: it is included, whole, only when
    /// <paramref name="includeGateOrder"/> is set (before an apply, which the ladder gates).</item>
    /// </list>
    /// </summary>
    public IReadOnlyList<StopConditionResult> ForDeviceOrBatch(string? device, string? batchId, bool includeGateOrder = false)
    {
        bool Concerns(StopConditionResult c, StopEvidence e, bool unreadable) =>
            (device is not null && e.Device == device)
            || (batchId is not null && e.BatchId == batchId)
            || (c.Number == 4 && e.Device is null)
            || (unreadable && c.Number != 1 && e.Device is null && e.BatchId is null
                && Artifacts.ArtifactKinds.Classify(e.Path) != Artifacts.ArtifactKind.Approval);

        var found = new List<StopConditionResult>();
        foreach (var c in Conditions)
        {
            if (c.Number == 7)
            {
                if (includeGateOrder && !c.IsClear)
                {
                    found.Add(c);
                }

                continue;
            }

            var triggers = c.Triggers.Where(e => Concerns(c, e, false)).ToList();
            var unreadable = c.UnreadableInputs.Where(e => Concerns(c, e, true)).ToList();
            var result = StopConditionResult.Create(c.Number, triggers, triggers.Count > 0 ? [] : unreadable);
            if (!result.IsClear)
            {
                found.Add(result);
            }
        }

        return found;
    }
}

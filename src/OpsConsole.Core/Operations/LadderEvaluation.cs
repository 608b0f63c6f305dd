using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Operations;

/// <summary>One step of an evaluated ladder: what the cycle asks for, what the gate file says, and what the console shows.</summary>
public sealed record LadderStepEvaluation
{
    /// <summary>Position in the ladder (0-based).</summary>
    public required int Index { get; init; }

    public required string GateId { get; init; }
    public required string Title { get; init; }
    public required string Stage { get; init; }
    public required IReadOnlyList<string> Requires { get; init; }

    /// <summary>Root-relative path of the gate file (<c>operations/&lt;cycle&gt;/&lt;gate&gt;.json</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The gate document, when the file exists and parsed (even if its identity is wrong).</summary>
    public Gate? Gate { get; init; }

    /// <summary>The status the gate file claims; null when the file is missing or unreadable.</summary>
    public string? RawStatus { get; init; }

    /// <summary>The status the console shows (<see cref="GateStatuses"/>); never passed unless earned.</summary>
    public required string EffectiveStatus { get; init; }

    /// <summary>Why the file cannot be used (missing, unreadable reason, wrong identity); null when usable.</summary>
    public string? Problem { get; init; }

    /// <summary>Why a gate marked passed is out of order; non-empty exactly when the status is a violation.</summary>
    public IReadOnlyList<LadderReason> Violations { get; init; } = [];

    /// <summary>Why the gate is not passed or what it is still missing, plus timestamp warnings.</summary>
    public IReadOnlyList<LadderReason> Reasons { get; init; } = [];

    /// <summary>True when the gate file does not exist (as opposed to existing but unreadable or misplaced).</summary>
    public bool IsMissing => Reasons.Any(r => r.Code == LadderReasons.FileMissing);

    /// <summary>True when this is a freeze gate (id ending in <c>freeze</c>).</summary>
    public bool IsFreeze => GateId.EndsWith("freeze", StringComparison.Ordinal);

    /// <summary>True when the console shows this gate as passed.</summary>
    public bool IsPassed => EffectiveStatus == GateStatuses.Passed;
}

/// <summary>A gate generated before a gate that comes earlier in the ladder.</summary>
/// <param name="GateId">The later gate (in ladder order).</param>
/// <param name="GeneratedAt">Its <c>generated_at</c>.</param>
/// <param name="EarlierGateId">The earlier gate with the latest <c>generated_at</c> before it.</param>
/// <param name="EarlierGeneratedAt">That gate's <c>generated_at</c>.</param>
/// <param name="Reason">The plain-language statement.</param>
public sealed record TimestampRegression(string GateId, DateTimeOffset GeneratedAt, string EarlierGateId, DateTimeOffset EarlierGeneratedAt, LadderReason Reason);

/// <summary>A cycle's ladder as the console reads it: every step, and what it means for the cycle.</summary>
public sealed record LadderEvaluation
{
    /// <summary>The cycle folder name (<c>operations/&lt;cycle-id&gt;/</c>).</summary>
    public required string CycleId { get; init; }

    /// <summary>Root-relative path of <c>cycle.json</c>.</summary>
    public required string CyclePath { get; init; }

    /// <summary>The cycle document; null when cycle.json is missing or unreadable.</summary>
    public Cycle? Cycle { get; init; }

    /// <summary>Why the cycle file cannot be trusted; null when it can.</summary>
    public LadderReason? Problem { get; init; }

    /// <summary>Steps in ladder order.</summary>
    public IReadOnlyList<LadderStepEvaluation> Steps { get; init; } = [];

    /// <summary>Never better than the worst step (<see cref="GateStatuses.Worst"/>); unknown when the cycle file has a problem.</summary>
    public required string OverallStatus { get; init; }

    /// <summary>The first step, in ladder order, that is not passed; null when all passed.</summary>
    public LadderStepEvaluation? CurrentGate => Steps.FirstOrDefault(s => !s.IsPassed);

    /// <summary>Steps that stop the ladder: effective status blocked or failed.</summary>
    public IReadOnlyList<LadderStepEvaluation> BlockedGates =>
        [.. Steps.Where(s => s.EffectiveStatus is GateStatuses.Blocked or GateStatuses.Failed)];

    /// <summary>Steps shown as violations (stop condition 7).</summary>
    public IReadOnlyList<LadderStepEvaluation> ViolationGates => [.. Steps.Where(s => s.EffectiveStatus == GateStatuses.Violation)];

    /// <summary>Steps whose file is missing, unreadable or misplaced.</summary>
    public IReadOnlyList<LadderStepEvaluation> UnknownGates => [.. Steps.Where(s => s.EffectiveStatus == GateStatuses.Unknown)];

    /// <summary>The freeze gate whose file says passed, when there is one (see docs/gate-ladder.md).</summary>
    public LadderStepEvaluation? FreezeGate { get; init; }

    /// <summary>True when a freeze gate says passed: the change set must not change any more.</summary>
    public bool FreezeInEffect => FreezeGate is not null;

    /// <summary>Gates generated before a gate earlier in the ladder.</summary>
    public IReadOnlyList<TimestampRegression> TimestampRegressions { get; init; } = [];

    /// <summary>Steps grouped by stage, stages in their fixed order (unknown stages last).</summary>
    public IEnumerable<IGrouping<string, LadderStepEvaluation>> ByStage =>
        Steps.GroupBy(s => s.Stage).OrderBy(g => GateStages.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue);
}

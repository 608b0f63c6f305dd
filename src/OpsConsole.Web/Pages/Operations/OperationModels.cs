using OpsConsole.Core.Operations;

namespace OpsConsole.Web.Pages.Operations;

/// <summary>One evidence path of a gate: whether the index knows it, whether it is quarantined, and its page.</summary>
/// <param name="Path">Root-relative path as the gate lists it.</param>
/// <param name="Exists">True when the index holds a file at that path.</param>
/// <param name="Quarantined">True when a secret-looking value was found in it (no download, no raw view).</param>
/// <param name="PageHref">A console page about it (a gate page, a device's engagement page), when there is one.</param>
public sealed record EvidenceLink(string Path, bool Exists, bool Quarantined, string? PageHref)
{
    /// <summary>Download address, or null when the file cannot be offered.</summary>
    public string? DownloadHref => Exists && !Quarantined ? OperationRoutes.Download(Path) : null;
}

/// <summary>A device engaged in week 1 and which of its response files exist.</summary>
public sealed record Week1Device(string Name, long? DeviceId, bool HasPackage, bool HasResponses, bool HasValidation)
{
    /// <summary>Where the answers of this device are written.</summary>
    public string ResponsesPath => $"engagement/{Name}/responses.csv";

    /// <summary>The console page where responses are saved.</summary>
    public string EngagementHref => "/service-engagement/" + Uri.EscapeDataString(Name);
}

/// <summary>One copyable local command.</summary>
/// <param name="Id">Element id of its &lt;pre&gt;.</param>
/// <param name="PurposeKey">Resource key of the sentence saying what it does.</param>
/// <param name="Text">The exact command line.</param>
public sealed record LocalCommand(string Id, string PurposeKey, string Text);

/// <summary>Everything a gate page shows.</summary>
public sealed record GateView(
    LadderEvaluation Cycle,
    LadderStepEvaluation Step,
    IReadOnlyList<EvidenceLink> Evidence,
    bool Quarantined,
    string? RawJson,
    LadderStepEvaluation? Attempt,
    IReadOnlyList<Week1Device>? Responses);

/// <summary>Everything a stage overview page shows.</summary>
public sealed record StageView(
    LadderEvaluation Cycle,
    string Stage,
    IReadOnlyList<LadderStepEvaluation> Steps,
    IReadOnlyDictionary<string, IReadOnlyList<EvidenceLink>> Evidence,
    IReadOnlyList<Week1Device> Devices,
    IReadOnlyList<LocalCommand> Commands);

/// <summary>One row of the cycle list.</summary>
public sealed record CycleRow(string CycleId, LadderEvaluation Evaluation)
{
    /// <summary>The first gate of the ladder (the start gate).</summary>
    public LadderStepEvaluation? StartGate =>
        Evaluation.Steps.FirstOrDefault(s => s.Stage == "start") ?? (Evaluation.Steps.Count > 0 ? Evaluation.Steps[0] : null);
}

/// <summary>The model of the steps table partial: some steps of a cycle and their evidence.</summary>
public sealed record StepsTable(LadderEvaluation Cycle, IReadOnlyList<LadderStepEvaluation> Steps, IReadOnlyDictionary<string, IReadOnlyList<EvidenceLink>> Evidence);

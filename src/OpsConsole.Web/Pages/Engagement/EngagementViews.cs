using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Engagement;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>An execution artifact linked from the device page.</summary>
public sealed record ExecutionLink(string Path, string Kind, string? Status);

/// <summary>Everything the device, item and validation pages show about one device's engagement.</summary>
public sealed class EngagementDeviceView
{
    public required string Device { get; init; }
    public EngagementPackage? Package { get; init; }
    public string? PackageProblem { get; init; }
    public IReadOnlyList<EngagementResponse> Responses { get; init; } = [];
    public string? ResponsesProblem { get; init; }
    public bool HasResponsesFile { get; init; }
    public IReadOnlyDictionary<string, EngagementResponse> Latest { get; init; } = new Dictionary<string, EngagementResponse>();
    public EngagementValidation? Validation { get; init; }
    public string? ValidationProblem { get; init; }
    public bool HasValidationFile { get; init; }
    public bool IsFinalized { get; init; }
    public FinalizedMarker? Finalized { get; init; }
    public IReadOnlyList<ExecutionLink> Executions { get; init; } = [];
    public DateTimeOffset Now { get; init; }

    public string PackagePath => EngagementPaths.Package(Device);
    public string ResponsesPath => EngagementPaths.Responses(Device);
    public string ValidationPath => EngagementPaths.Validation(Device);

    public EngagementProgress Progress => Package is null ? default : EngagementValidator.Progress(Package, Responses);

    public bool Overdue => Package is not null && !IsFinalized && Package.DueAt < Now;

    /// <summary>True when an answer was saved after the latest validation ran.</summary>
    public bool ValidationStale => Validation is not null && Responses.Count > 0 && Responses.Max(r => r.RespondedAt) > Validation.GeneratedAt;

    /// <summary>Finalize is offered only when it would succeed.</summary>
    public bool CanFinalize => !IsFinalized && Validation?.Status == "passed" && !ValidationStale && Progress.Complete && ResponsesProblem is null;

    /// <summary>Saving is possible: the package reads, the answers read, and it is not finalized.</summary>
    public bool CanEdit => Package is not null && ResponsesProblem is null && !IsFinalized;

    public EngagementItem? Item(string itemId) => Package?.Items.FirstOrDefault(i => i.ItemId == itemId);

    /// <summary>Answers newest first.</summary>
    public IEnumerable<EngagementResponse> History => Responses.Reverse();
}

/// <summary>What the item form shows: the typed values and the field messages of a refused post.</summary>
public sealed record ItemFormState(string ItemId, string Value, string Evidence, string RespondedBy, IReadOnlyDictionary<string, string[]> Errors)
{
    public string[] ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : [];
}

/// <summary>Model of the <c>_ItemForm</c> partial.</summary>
public sealed record ItemFormModel(EngagementDeviceView View, EngagementItem Item, ItemFormState? State, bool Hidden);

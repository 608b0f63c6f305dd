using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Engagement;
using OpsConsole.Core.Read.Engagement;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>
/// The engagement pages' views: the list from the read layer (<see cref="EngagementReads"/>) with each shown
/// row's progress, and one device's files through the cached store. Never writes.
/// </summary>
public sealed class EngagementQueries(EngagementReads reads, ArtifactStore store, TimeProvider clock)
{
    public static readonly string[] Statuses = EngagementReads.Statuses;

    /// <summary>Every device with a package, filtered by team and status, soonest due date first.</summary>
    public Task<(IReadOnlyList<EngagementListRow> Rows, IReadOnlyList<string> Teams)> ListAsync(string? team, string? status) =>
        reads.ListAsync(team, status);

    /// <summary>Answered / required for the rows of one page (package and answers read through the cache).</summary>
    public EngagementListRow WithProgress(EngagementListRow row)
    {
        if (store.LoadDocument<EngagementPackage>(EngagementPaths.Package(row.Device)) is not { } package)
        {
            return row;
        }

        var responses = store.Load(EngagementPaths.Responses(row.Device));
        var rows = responses?.As<List<EngagementResponse>>() ?? [];
        return row with { Progress = EngagementValidator.Progress(package, rows) };
    }

    /// <summary>One device's engagement files; null when the device has no package file at all.</summary>
    public async Task<EngagementDeviceView?> DeviceAsync(string device)
    {
        if (!DeviceNames.IsValid(device) || store.Load(EngagementPaths.Package(device)) is not { } packageFile)
        {
            return null;
        }

        var responsesFile = store.Load(EngagementPaths.Responses(device));
        var validationFile = store.Load(EngagementPaths.Validation(device));
        var finalizedFile = store.Load(EngagementPaths.Finalized(device));
        var responses = responsesFile?.As<List<EngagementResponse>>() ?? [];
        return new EngagementDeviceView
        {
            Device = device,
            Package = packageFile.As<EngagementPackage>(),
            PackageProblem = packageFile.Problem,
            Responses = responses,
            ResponsesProblem = responsesFile?.Problem,
            HasResponsesFile = responsesFile is not null,
            Latest = EngagementValidator.Latest(responses),
            Validation = validationFile?.As<EngagementValidation>(),
            ValidationProblem = validationFile?.Problem,
            HasValidationFile = validationFile is not null,
            IsFinalized = finalizedFile is not null,
            Finalized = FinalizedMarker.TryRead(finalizedFile?.As<string>()),
            Executions = await ExecutionsAsync(device),
            Now = clock.GetUtcNow(),
        };
    }

    /// <summary>The week-1 execution files of the device (<see cref="EngagementReads.Week1ExecutionsAsync"/>).</summary>
    private async Task<IReadOnlyList<ExecutionLink>> ExecutionsAsync(string device) =>
        [.. (await reads.Week1ExecutionsAsync(device))
            .Select(e => new ExecutionLink(e.Path, e.IsLog ? nameof(ArtifactKind.ExecutionLog) : nameof(ArtifactKind.ExecutionReport), e.Outcome))];
}

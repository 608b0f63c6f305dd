using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Engagement;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>
/// Reads for the engagement pages: the list from the index (packages, validation status, finalized
/// markers), one device's files through the cached store. Never writes.
/// </summary>
public sealed class EngagementQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, TimeProvider clock)
{
    public static readonly string[] Statuses = ["not-started", "failed", "passed", "finalized", "overdue"];

    /// <summary>Every device with a package, filtered by team and status, newest due date last.</summary>
    public async Task<(IReadOnlyList<EngagementListRow> Rows, IReadOnlyList<string> Teams)> ListAsync(string? team, string? status)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var records = await db.Artifacts.AsNoTracking().UnderFolder("engagement")
            .Select(a => new { a.Path, a.Kind, a.Device, a.Category, a.AtTicks, a.Status, a.Readable, a.Problem })
            .ToListAsync();
        var packages = records.Where(r => r.Kind == nameof(ArtifactKind.EngagementPackage) && r.Device is not null).ToList();
        var validations = records.Where(r => r.Kind == nameof(ArtifactKind.EngagementValidation) && r.Device is not null).ToDictionary(r => r.Device!, StringComparer.Ordinal);
        var responses = records.Where(r => r.Kind == nameof(ArtifactKind.EngagementResponses) && r.Device is not null).ToDictionary(r => r.Device!, StringComparer.Ordinal);
        var finalized = records.Where(r => r.Path.EndsWith("/finalized.json", StringComparison.Ordinal)).Select(r => r.Path.Split('/')[1]).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();

        var rows = packages.Select(p =>
        {
            var isFinal = finalized.Contains(p.Device!);
            var validation = validations.GetValueOrDefault(p.Device!);
            var state = isFinal ? "finalized" : validation is { Readable: true, Status: { } s } ? s : "not-started";
            var stale = validation?.AtTicks is { } v && responses.GetValueOrDefault(p.Device!)?.AtTicks is { } r && r > v;
            DateTimeOffset? due = p.AtTicks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
            return new EngagementListRow(p.Device!, p.Category ?? "", due, null, state, stale, !isFinal && due < now,
                p.Readable ? null : p.Problem);
        });

        if (!string.IsNullOrWhiteSpace(team))
        {
            rows = rows.Where(r => r.Team == team);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            rows = status == "overdue" ? rows.Where(r => r.Overdue) : rows.Where(r => r.Status == status);
        }

        var teams = packages.Select(p => p.Category).OfType<string>().Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        return (rows.OrderBy(r => r.DueAt).ThenBy(r => r.Device, StringComparer.Ordinal).ToList(), teams);
    }

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

    /// <summary>
    /// The week-1 execution log and report for the device: files under executions/ whose name holds
    /// the device name and "week1"; when none name the device, the week-1 files of the whole run.
    /// </summary>
    private async Task<IReadOnlyList<ExecutionLink>> ExecutionsAsync(string device)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var all = await db.Artifacts.AsNoTracking()
            .Where(a => a.Kind == nameof(ArtifactKind.ExecutionLog) || a.Kind == nameof(ArtifactKind.ExecutionReport))
            .Select(a => new ExecutionLink(a.Path, a.Kind, a.Status))
            .ToListAsync();
        static bool IsWeek1(string path) => path.Contains("week1", StringComparison.OrdinalIgnoreCase) || path.Contains("week-1", StringComparison.OrdinalIgnoreCase);
        var week1 = all.Where(e => IsWeek1(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var forDevice = week1.Where(e => e.Path.Contains(device, StringComparison.Ordinal)).ToList();
        return forDevice.Count > 0 ? forDevice : week1;
    }
}

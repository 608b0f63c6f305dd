namespace OpsConsole.Core.Artifacts;

/// <summary>Every kind of file the artifact root may hold (ARTIFACTS.md, "Layout").</summary>
public enum ArtifactKind
{
    /// <summary>Anything that does not match the layout: listed, otherwise ignored.</summary>
    Other = 0,
    Inventory,
    ComplianceReport,
    Approval,
    BatchPlan,
    BatchResult,
    Incident,
    EngagementPackage,
    EngagementResponses,
    EngagementValidation,
    ExecutionLog,
    ExecutionReport,
    Cycle,
    Gate,
    HandoffDocument,

    /// <summary>
    /// A folder the console could not enter (unreadable, or a link leaving the root). Catalogued only
    /// as unreadable input, so everything that could live below it reads "unknown", never "clear".
    /// </summary>
    Folder,

    /// <summary>A reviewed mark of a compliance run (<c>compliance/&lt;date&gt;.review.json</c>, this console's extension).</summary>
    ComplianceReview,

    /// <summary>
    /// An archive bundle (<c>archive/…/*.zip</c>, see <see cref="Archive.ArchiveLayout"/>): catalogued with its manifest facts
    /// or as unreadable with the reason; its entries are never indexed.
    /// </summary>
    ArchiveBundle,
}

/// <summary>Maps relative paths to kinds and kinds to their schema names.</summary>
public static class ArtifactKinds
{
    /// <summary>The schema kind name (<c>opsconsole/&lt;name&gt;@1</c>) of a JSON kind, or null.</summary>
    public static string? SchemaName(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Inventory => "devices",
        ArtifactKind.ComplianceReport => "compliance-report",
        ArtifactKind.Approval => "approval",
        ArtifactKind.BatchPlan => "batch-plan",
        ArtifactKind.BatchResult => "batch-result",
        ArtifactKind.Incident => "incident",
        ArtifactKind.EngagementPackage => "engagement-package",
        ArtifactKind.EngagementValidation => "engagement-validation",
        ArtifactKind.ExecutionReport => "execution-report",
        ArtifactKind.Cycle => "cycle",
        ArtifactKind.Gate => "gate",
        ArtifactKind.ComplianceReview => "compliance-review",
        _ => null,
    };

    /// <summary>The only schema major this console understands.</summary>
    public const int SupportedMajor = 1;

    /// <summary>
    /// Classifies a root-relative path (forward slashes) by the layout in ARTIFACTS.md. Paths that
    /// only look similar (wrong depth, wrong extension) are <see cref="ArtifactKind.Other"/>.
    /// </summary>
    public static ArtifactKind Classify(string relativePath)
    {
        var parts = relativePath.Split('/');
        var ext = Path.GetExtension(relativePath).ToLowerInvariant();
        return parts switch
        {
            ["devices.json"] => ArtifactKind.Inventory,
            // A file or folder named after a device must carry a legal device name; otherwise it is "other".
            ["compliance", var day, var file] when ext == ".json" && IsDay(day)
                && DeviceNames.IsValid(Path.GetFileNameWithoutExtension(file)) => ArtifactKind.ComplianceReport,
            // Beside the day folder, not inside it, so a mark can never collide with a device's report.
            ["compliance", var file] when ComplianceReviewPaths.DayOf(file) is not null => ArtifactKind.ComplianceReview,
            ["approvals", var state, var file] when ext == ".json" && ApprovalStates.All.Contains(state)
                && file.StartsWith("approval-", StringComparison.Ordinal) => ArtifactKind.Approval,
            ["batches", "plans", _] when ext == ".json" => ArtifactKind.BatchPlan,
            ["batches", "results", _] when ext == ".json" => ArtifactKind.BatchResult,
            ["incidents", _] when ext == ".json" => ArtifactKind.Incident,
            ["engagement", var device, "package.json"] when DeviceNames.IsValid(device) => ArtifactKind.EngagementPackage,
            ["engagement", var device, "responses.csv"] when DeviceNames.IsValid(device) => ArtifactKind.EngagementResponses,
            ["engagement", var device, "validation.json"] when DeviceNames.IsValid(device) => ArtifactKind.EngagementValidation,
            ["executions", _] when ext == ".log" => ArtifactKind.ExecutionLog,
            ["executions", _] when ext == ".json" => ArtifactKind.ExecutionReport,
            ["operations", _, "cycle.json"] => ArtifactKind.Cycle,
            ["operations", _, _] when ext == ".json" => ArtifactKind.Gate,
            ["handoff", _] when ext == ".md" => ArtifactKind.HandoffDocument,
            ["archive", _, ..] when ext == ".zip" => ArtifactKind.ArchiveBundle,
            _ => ArtifactKind.Other,
        };
    }

    /// <summary>
    /// The kinds a file below the folder <paramref name="folderRelativePath"/> could have (by the layout):
    /// what an unreadable folder may hide. The root ("" or ".") may hide every kind.
    /// </summary>
    public static IReadOnlySet<ArtifactKind> KindsUnder(string folderRelativePath)
    {
        var parts = folderRelativePath is "" or "." ? [] : folderRelativePath.Split('/');
        ArtifactKind[] kinds = parts switch
        {
            [] => Enum.GetValues<ArtifactKind>(),
            ["compliance"] => [ArtifactKind.ComplianceReport, ArtifactKind.ComplianceReview],
            ["compliance", ..] => [ArtifactKind.ComplianceReport],
            ["approvals", ..] => [ArtifactKind.Approval],
            ["batches"] => [ArtifactKind.BatchPlan, ArtifactKind.BatchResult],
            ["batches", "plans", ..] => [ArtifactKind.BatchPlan],
            ["batches", "results", ..] => [ArtifactKind.BatchResult],
            ["incidents", ..] => [ArtifactKind.Incident],
            ["engagement", ..] => [ArtifactKind.EngagementPackage, ArtifactKind.EngagementResponses, ArtifactKind.EngagementValidation],
            ["executions", ..] => [ArtifactKind.ExecutionLog, ArtifactKind.ExecutionReport],
            ["operations", ..] => [ArtifactKind.Cycle, ArtifactKind.Gate],
            ["handoff", ..] => [ArtifactKind.HandoffDocument],
            ["archive", ..] => [ArtifactKind.ArchiveBundle],
            _ => [],
        };
        return new HashSet<ArtifactKind>([.. kinds, ArtifactKind.Other]);
    }

    private static bool IsDay(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out _);
}

/// <summary>The approval states and the transitions ARTIFACTS.md allows between them.</summary>
public static class ApprovalStates
{
    public const string Proposed = "proposed";
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Applied = "applied";
    public const string Expired = "expired";

    /// <summary>Every state, in lifecycle order.</summary>
    public static readonly IReadOnlyList<string> All = [Proposed, Pending, Approved, Rejected, Applied, Expired];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [Proposed] = [Pending],
        [Pending] = [Approved, Rejected, Expired],
        [Approved] = [Applied, Expired],
    };

    /// <summary>True when ARTIFACTS.md allows moving from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(string from, string to) =>
        Allowed.TryGetValue(from, out var next) && next.Contains(to, StringComparer.Ordinal);
}

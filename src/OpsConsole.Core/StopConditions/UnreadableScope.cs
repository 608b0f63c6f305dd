using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.StopConditions;

/// <summary>
/// Which stop conditions an input the console could not read concerns: the conditions its kind (for a
/// folder, every kind that could live below it) could decide. Such a condition then reads "unknown" with
/// the reason, never "clear". Condition 1 (secrets) is concerned by every input that was not scanned.
/// </summary>
/// <remarks>
/// The mapping (docs/security.md, "Fail closed"): compliance report → 2 and 6; batch result → 3; incident → 4
/// and 6; batch plan → 5 and 6; approval → 5 and 6; engagement package or validation → 6; inventory → 6;
/// cycle or gate → 7; a folder → the union for every kind its location may hold (the root: all seven).
/// </remarks>
public static class UnreadableScope
{
    private static readonly Dictionary<int, ArtifactKind[]> KindsByCondition = new()
    {
        [2] = [ArtifactKind.ComplianceReport],
        [3] = [ArtifactKind.BatchResult],
        [4] = [ArtifactKind.Incident],
        [5] = [ArtifactKind.BatchPlan, ArtifactKind.Approval],
        [6] =
        [
            ArtifactKind.Inventory, ArtifactKind.ComplianceReport, ArtifactKind.Approval, ArtifactKind.BatchPlan,
            ArtifactKind.Incident, ArtifactKind.EngagementPackage, ArtifactKind.EngagementValidation,
        ],
        [7] = [ArtifactKind.Cycle, ArtifactKind.Gate],
    };

    /// <summary>The conditions (2–7) an unreadable input of <paramref name="kind"/> at <paramref name="path"/> concerns.</summary>
    public static IEnumerable<int> Conditions(string kind, string path)
    {
        IReadOnlySet<ArtifactKind> kinds = kind == nameof(ArtifactKind.Folder)
            ? ArtifactKinds.KindsUnder(path)
            : Enum.TryParse<ArtifactKind>(kind, out var k) ? new HashSet<ArtifactKind> { k } : new HashSet<ArtifactKind>();
        return KindsByCondition.Where(c => c.Value.Any(kinds.Contains)).Select(c => c.Key);
    }

    /// <summary>True when an unreadable input of <paramref name="kind"/> at <paramref name="path"/> concerns <paramref name="condition"/> (2–7).</summary>
    public static bool Concerns(int condition, string kind, string path) => Conditions(kind, path).Contains(condition);
}

using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Index;

/// <summary>The journal's facet the catalogue row does not hold: who made the change a file records.</summary>
internal static class ChangeJournalFacets
{
    /// <summary>
    /// The actor of an approval's last history entry (who moved it), a batch run's operator, a run's reviewer, or the last
    /// responder of an engagement's answers; null for other kinds.
    /// </summary>
    public static string? Mover(LoadedArtifact artifact) => artifact.Document switch
    {
        ApprovalRecord a => a.History.LastOrDefault()?.Actor,
        BatchResult r => r.Operator,
        ComplianceReview m => m.ReviewedBy,
        List<EngagementResponse> rows => rows.Count == 0 ? null : rows.MaxBy(r => r.RespondedAt)!.RespondedBy,
        _ => null,
    };
}

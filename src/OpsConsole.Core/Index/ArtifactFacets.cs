using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Index;

/// <summary>Copies the list facets of a parsed artifact into its index record.</summary>
public static class ArtifactFacets
{
    /// <summary>Fills the facet columns of <paramref name="record"/> from <paramref name="artifact"/>.</summary>
    public static void Apply(ArtifactRecord record, LoadedArtifact artifact)
    {
        record.Schema = (artifact.Document as ArtifactDocument)?.Schema;
        if (Executions.ExecutionFacets.Handles(artifact.Kind))
        {
            Executions.ExecutionFacets.Apply(record, artifact); // logs and reports: the /executions facets
            return;
        }

        switch (artifact.Document)
        {
            case ComplianceReport r:
                Set(record, r.ReportId, r.Device, r.GeneratedAt, r.Status, category: MaxSeverity(r), group: r.Source, title: null, count: r.Divergences.Count);
                record.Day = artifact.RelativePath.Split('/')[1];
                record.DivergentFields = DivergentFields.Join(r.Divergences);
                break;
            case ApprovalRecord a:
                Set(record, a.ApprovalId, a.Device, a.RequestedAt, a.State, a.Risk.Level, a.BatchId, a.Changes.FirstOrDefault()?.Summary, a.Changes.Count);
                record.Actor = a.RequestedBy;
                break;
            case BatchPlan p:
                Set(record, p.BatchId, p.Device, p.CreatedAt, p.IncompleteObjects.Any() ? "incomplete" : "complete", null, p.ApprovalId, null, p.Objects.Count);
                break;
            case BatchResult r:
                Set(record, r.RunId, null, r.StartedAt, r.Outcome, r.Mode, r.BatchId, r.BlockedReason, r.Items.Count);
                record.Actor = r.Operator;
                break;
            case Incident i:
                Set(record, i.IncidentId, i.Device, i.OpenedAt, i.Status, i.Severity, null, i.Title, null);
                break;
            case EngagementPackage p:
                Set(record, p.Device.Name, p.Device, p.DueAt, null, p.Team, null, null, p.Items.Count);
                break;
            case EngagementValidation v:
                Set(record, v.Device.Name, v.Device, v.GeneratedAt, v.Status, null, null, null, v.Results.Count);
                break;
            case Cycle c:
                Set(record, c.CycleId, null, c.StartedAt, c.Status, null, c.CycleId, c.Title, c.Ladder.Count);
                break;
            case Gate g:
                Set(record, g.GateId, null, g.GeneratedAt, g.Status, g.Mode, g.CycleId, g.Title, g.Checks.Count);
                break;
            case ComplianceReview m:
                // Key = the date the mark states, Day = the date its file name states (a mismatch is shown as unknown).
                Set(record, m.Date, null, m.ReviewedAt, ComplianceReviewStates.Reviewed, null, null, null, m.Divergent);
                record.Actor = m.ReviewedBy;
                record.Day = ComplianceReviewPaths.DayOf(artifact.RelativePath.Split('/')[^1]);
                break;
            case List<EngagementResponse> rows:
                record.Device = artifact.RelativePath.Split('/')[1];
                record.Key = record.Device;
                record.Count = rows.Count;
                record.AtTicks = rows.Count == 0 ? null : rows.Max(r => r.RespondedAt).UtcTicks;
                break;
            default:
                // Unreadable files still carry what their location says (device folder, cycle folder).
                var parts = artifact.RelativePath.Split('/');
                record.Device = artifact.Kind switch
                {
                    ArtifactKind.ComplianceReport => Path.GetFileNameWithoutExtension(parts[2]),
                    ArtifactKind.EngagementPackage or ArtifactKind.EngagementResponses or ArtifactKind.EngagementValidation => parts[1],
                    _ => null,
                };
                record.Day = artifact.Kind switch
                {
                    ArtifactKind.ComplianceReport => parts[1],
                    ArtifactKind.ComplianceReview => ComplianceReviewPaths.DayOf(parts[^1]),
                    _ => null,
                };
                record.GroupKey = artifact.Kind is ArtifactKind.Gate or ArtifactKind.Cycle ? parts[1] : null;
                record.Key = artifact.Kind switch
                {
                    ArtifactKind.Approval => Path.GetFileNameWithoutExtension(parts[2])["approval-".Length..],
                    ArtifactKind.Gate => Path.GetFileNameWithoutExtension(parts[2]),
                    ArtifactKind.Cycle => parts[1],
                    ArtifactKind.ComplianceReview => ComplianceReviewPaths.DayOf(parts[^1]),
                    ArtifactKind.HandoffDocument or ArtifactKind.Incident
                        or ArtifactKind.BatchPlan or ArtifactKind.BatchResult => Path.GetFileNameWithoutExtension(parts[^1]),
                    _ => null,
                };
                record.AtTicks = artifact.Kind == ArtifactKind.ComplianceReport && DateOnly.TryParse(record.Day, System.Globalization.CultureInfo.InvariantCulture, out var d)
                    ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks
                    : null;
                break;
        }
    }

    private static void Set(ArtifactRecord r, string? key, DeviceRef? device, DateTimeOffset? at, string? status, string? category,
        string? group, string? title, int? count)
    {
        r.Key = key;
        r.Device = device?.Name;
        r.DeviceId = device?.Id;
        r.AtTicks = at?.UtcTicks;
        r.Status = status;
        r.Category = category;
        r.GroupKey = group;
        r.Title = title;
        r.Count = count;
    }

    private static string? MaxSeverity(ComplianceReport r) =>
        ArtifactVocabulary.Severities.FirstOrDefault(s => r.Divergences.Any(d => d.Severity == s));
}

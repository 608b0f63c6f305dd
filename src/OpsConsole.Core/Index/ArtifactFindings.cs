using OpsConsole.Core.Artifacts;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Index;

/// <summary>
/// Stop conditions that one artifact can prove on its own (ARTIFACTS.md conditions 2–5). Conditions
/// spanning artifacts (device id mismatch, gate order) are evaluated over the index instead.
/// </summary>
public static class ArtifactFindings
{
    /// <summary>The findings of one parsed artifact (empty for most files).</summary>
    public static IEnumerable<FindingRecord> For(LoadedArtifact artifact)
    {
        var path = artifact.RelativePath;
        switch (artifact.Document)
        {
            case ComplianceReport r when r.ContradictionReason is { } reason:
                yield return new FindingRecord { Path = path, Condition = StopConditionNumber.ContradictoryReport, Detail = $"report {r.ReportId}: {reason}", Device = r.Device.Name };
                break;
            case BatchResult r when r.Mode == BatchMode.Real:
                foreach (var item in r.Items.Where(i => i.Status == "exists"))
                {
                    yield return new FindingRecord { Path = path, Condition = StopConditionNumber.ExistsUpstream, Detail = $"run {r.RunId}: {item.Object} already exists upstream", GroupKey = r.BatchId };
                }

                break;
            case Incident i when i.Status == IncidentStatus.Open && i.Severity == SeverityLevel.Critical:
                yield return new FindingRecord { Path = path, Condition = StopConditionNumber.OpenCriticalIncident, Detail = $"{i.IncidentId} is an open critical incident: {i.Title}", Device = i.Device?.Name };
                break;
            case BatchPlan p:
                foreach (var (o, n) in p.Objects.Select((o, n) => (o, n)).Where(x => !x.o.HasCompletePayload))
                {
                    yield return new FindingRecord
                    {
                        Path = path,
                        Condition = StopConditionNumber.IncompletePayload,
                        Detail = $"plan {p.BatchId}: objects[{n}] ({o.Kind} {o.Action}) has {(o.StagedPayload is null ? "no" : "an empty")} staged_payload",
                        Device = p.Device.Name,
                        GroupKey = p.BatchId,
                    };
                }

                break;
        }
    }
}

using OpsConsole.Core.Artifacts;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Core.Approvals;

/// <summary>
/// The stop conditions the index-backed <see cref="StopConditionEvaluator"/> finds concerning the
/// device or batch of an approval (<see cref="StopEvaluation.ForDeviceOrBatch"/>): a triggered one
/// blocks with each artifact and reason; an unknown one (an unreadable input concerning the device or
/// batch) blocks too, because it cannot be ruled out. The caller must bring the index up to date
/// first (the CLI runs a full pass), or the evaluation may miss a file written a moment ago.
/// Condition 4 (open critical incident) is left to <see cref="OpenCriticalIncidentBlockers"/>, which
/// reads the incident files from disk and scopes them to the device; the evaluator's condition 4
/// concerns every device, so counting it here would refuse approvals for unrelated devices.
/// </summary>
public sealed class StopConditionBlockers(StopConditionEvaluator evaluator) : IApprovalBlockers
{
    private const int OpenCriticalIncident = 4;

    /// <inheritdoc />
    public IReadOnlyList<ApprovalBlocker> Find(DeviceRef device, string batchId)
    {
        var blockers = new List<ApprovalBlocker>();
        foreach (var condition in evaluator.ForDeviceOrBatch(device.Name, batchId).Where(c => c.Number != OpenCriticalIncident))
        {
            var name = $"stop condition {condition.Number} ({condition.Title})";
            if (condition.State == StopStates.Triggered)
            {
                blockers.AddRange(condition.Triggers.Select(e => new ApprovalBlocker(e.Path, $"{name} holds: {e.Reason}")));
            }
            else
            {
                blockers.AddRange(condition.UnreadableInputs.Select(e =>
                    new ApprovalBlocker(e.Path, $"{name} cannot be ruled out: {e.Reason}")));
            }
        }

        return blockers;
    }
}

using OpsConsole.Core.Artifacts;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Core.Approvals;

/// <summary>
/// The stop conditions the index-backed <see cref="StopConditionEvaluator"/> finds concerning the
/// device or batch of an approval or plan (<see cref="StopEvaluation.ForDeviceOrBatch"/>, the same rule the
/// web timeline shows): a triggered one blocks with each artifact and reason; an unknown one (an input
/// concerning the device or batch that could not be read) blocks too, because it cannot be ruled out. The
/// caller must bring the index up to date first (the CLI runs a full pass, which re-reads only what changed),
/// or the evaluation may miss a file written a moment ago.
/// </summary>
/// <param name="evaluator">The evaluator over the index.</param>
/// <param name="includeGateOrder">True before an apply (validate batch-plan): a gate out of order, or one that cannot be read, blocks too.</param>
public sealed class StopConditionBlockers(StopConditionEvaluator evaluator, bool includeGateOrder = false) : IApprovalBlockers
{
    /// <inheritdoc />
    public IReadOnlyList<ApprovalBlocker> Find(DeviceRef device, string batchId)
    {
        var blockers = new List<ApprovalBlocker>();
        foreach (var condition in evaluator.Evaluate().ForDeviceOrBatch(device.Name, batchId, includeGateOrder))
        {
            var name = $"stop condition {condition.Number} ({condition.Title})";
            if (condition.State == StopStates.Triggered)
            {
                blockers.AddRange(condition.Triggers.Select(e =>
                    new ApprovalBlocker(e.Path, $"{name} holds: {e.Reason}", $"{name} holds: {e.Group ?? e.Reason}")));
            }
            else
            {
                blockers.AddRange(condition.UnreadableInputs.Select(e =>
                    new ApprovalBlocker(e.Path, $"{name} cannot be ruled out: {e.Reason}", $"{name} cannot be ruled out: {e.Group ?? e.Reason}")));
            }
        }

        return blockers;
    }
}

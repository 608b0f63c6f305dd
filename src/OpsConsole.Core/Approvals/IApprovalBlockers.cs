using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Approvals;

/// <summary>One reason an approval may not be granted now.</summary>
/// <param name="Source">The artifact that proves it (root-relative path).</param>
/// <param name="Reason">The exact reason, e.g. "INC-7 is an open critical incident on edge-01".</param>
/// <param name="Group">The reason shared with other blockers of the same finding (see <see cref="ApprovalFinding.Group"/>).</param>
public sealed record ApprovalBlocker(string Source, string Reason, string? Group = null)
{
    /// <summary>This blocker as a <see cref="ApprovalRules.StopCondition"/> finding.</summary>
    public ApprovalFinding ToFinding() => new(ApprovalRules.StopCondition, $"{Reason} ({Source})", Source, Group);
}

/// <summary>
/// Stop conditions that forbid approving a change to a device or batch while they hold
/// (<see cref="StopConditionBlockers"/>, over the one evaluation the web console shows too).
/// </summary>
public interface IApprovalBlockers
{
    /// <summary>Every blocker concerning <paramref name="device"/> or <paramref name="batchId"/>; empty when none.</summary>
    IReadOnlyList<ApprovalBlocker> Find(DeviceRef device, string batchId);
}

/// <summary>Several blocker sources asked in turn; the result is the union.</summary>
public sealed class CompositeApprovalBlockers(params IApprovalBlockers[] sources) : IApprovalBlockers
{
    /// <inheritdoc />
    public IReadOnlyList<ApprovalBlocker> Find(DeviceRef device, string batchId) =>
        sources.SelectMany(s => s.Find(device, batchId)).ToList();
}

/// <summary>No blockers (for tests of other rules).</summary>
public sealed class NoApprovalBlockers : IApprovalBlockers
{
    /// <summary>The shared instance.</summary>
    public static readonly NoApprovalBlockers Instance = new();

    /// <inheritdoc />
    public IReadOnlyList<ApprovalBlocker> Find(DeviceRef device, string batchId) => [];
}

using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Approvals;

/// <summary>One reason an approval may not be granted now.</summary>
/// <param name="Source">The artifact that proves it (root-relative path).</param>
/// <param name="Reason">The exact reason, e.g. "INC-7 is an open critical incident on edge-01".</param>
public sealed record ApprovalBlocker(string Source, string Reason);

/// <summary>
/// Stop conditions that forbid approving a change to a device or batch while they hold. The
/// incident rule is the first implementation; more stop conditions plug in here.
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

using System.Text;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Approvals;

/// <summary>Approval records for unit tests, parsed from the fixture JSON so they are what a file would give.</summary>
internal static class Records
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static ApprovalRecord Parse((string Id, string State, string Json) approval)
    {
        var outcome = ArtifactParser.Parse(ArtifactKind.Approval, Encoding.UTF8.GetBytes(approval.Json));
        return outcome.Document as ApprovalRecord ?? throw new InvalidOperationException(outcome.Problem);
    }

    public static ApprovalRecord InState(string state, string requestedBy = "ana", string? expiresAt = "2099-01-01T00:00:00Z") =>
        Parse(FixtureTree.Approval("APR-T", state, requestedBy: requestedBy, expiresAt: expiresAt));

    public static DecisionResult Decide(ApprovalRecord record, ApprovalAction action, string actor = "carla", string reason = "looks right",
        DateTimeOffset? at = null, IApprovalBlockers? blockers = null, string? folder = null) =>
        ApprovalDecider.Decide(record, folder ?? record.State, new ApprovalDecision(action, actor, reason, at ?? Now), blockers ?? NoApprovalBlockers.Instance);

    public static IEnumerable<string> Rules(this DecisionResult result) => result.Refusals.Select(r => r.Rule);

    public static IEnumerable<string> Rules(this IEnumerable<ApprovalFinding> findings) => findings.Select(r => r.Rule);
}

internal sealed class FixedBlockers(params ApprovalBlocker[] blockers) : IApprovalBlockers
{
    public IReadOnlyList<ApprovalBlocker> Find(DeviceRef device, string batchId) => blockers;
}

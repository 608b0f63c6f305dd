using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Tests.Artifacts;

public sealed class ArtifactKindsTests
{
    public static TheoryData<string, ArtifactKind> Layout => new()
    {
        { "devices.json", ArtifactKind.Inventory },
        { "compliance/2026-05-01/dev-1.json", ArtifactKind.ComplianceReport },
        { "compliance/2026-12-31/core_sw.01.json", ArtifactKind.ComplianceReport },
        { "approvals/proposed/approval-APR-2026-0110.json", ArtifactKind.Approval },
        { "approvals/pending/approval-APR-2026-0110.json", ArtifactKind.Approval },
        { "approvals/approved/approval-APR-2026-0110.json", ArtifactKind.Approval },
        { "approvals/rejected/approval-APR-2026-0110.json", ArtifactKind.Approval },
        { "approvals/applied/approval-APR-2026-0110.json", ArtifactKind.Approval },
        { "approvals/expired/approval-APR-2026-0110.json", ArtifactKind.Approval },
        { "batches/plans/B-2026-001.json", ArtifactKind.BatchPlan },
        { "batches/results/B-2026-001-r1.json", ArtifactKind.BatchResult },
        { "incidents/INC-0042.json", ArtifactKind.Incident },
        { "engagement/dev-1/package.json", ArtifactKind.EngagementPackage },
        { "engagement/dev-1/responses.csv", ArtifactKind.EngagementResponses },
        { "engagement/dev-1/validation.json", ArtifactKind.EngagementValidation },
        { "executions/real-write-attempt.log", ArtifactKind.ExecutionLog },
        { "executions/final-validation.json", ArtifactKind.ExecutionReport },
        { "operations/cycle-002/cycle.json", ArtifactKind.Cycle },
        { "operations/cycle-002/start-gate.json", ArtifactKind.Gate },
        { "operations/cycle-002/real-write-attempt.json", ArtifactKind.Gate },
        { "handoff/runbook.md", ArtifactKind.HandoffDocument },
        { "archive/compliance/2026-05-01.zip", ArtifactKind.ArchiveBundle },
        { "archive/approvals/2026-05.v2.zip", ArtifactKind.ArchiveBundle },
        { "archive/restored/compliance/2026-05-01.zip", ArtifactKind.ArchiveBundle },
    };

    public static TheoryData<string> LookAlikes =>
    [
        "devices.yaml",
        "inventory/devices.json",
        "compliance/dev-1.json",
        "compliance/2026-05-01/nested/dev-1.json",
        "compliance/2026-13-01/dev-1.json",
        "compliance/2026-02-30/dev-1.json",
        "compliance/20260501/dev-1.json",
        "compliance/2026-5-1/dev-1.json",
        "compliance/latest/dev-1.json",
        "compliance/2026-05-01/dev-1.csv",
        "approvals/approval-APR-1.json",
        "approvals/cancelled/approval-APR-1.json",
        "approvals/Pending/approval-APR-1.json",
        "approvals/pending/APR-1.json",
        "approvals/pending/old/approval-APR-1.json",
        "batches/B-1.json",
        "batches/plans/2026/B-1.json",
        "batches/results/B-1.txt",
        "incidents/2026/INC-1.json",
        "engagement/package.json",
        "compliance/2026-05-01/Dév ice.json",
        "compliance/2026-05-01/dev 1.json",
        "engagement/Dév ice/package.json",
        "engagement/dev 1/responses.csv",
        "engagement/dev-1/answers.csv",
        "engagement/dev-1/sub/package.json",
        "executions/run.txt",
        "executions/2026/run.log",
        "operations/cycle.json",
        "operations/cycle-002/gates/start-gate.json",
        "operations/cycle-002/notes.md",
        "handoff/runbook.txt",
        "handoff/2026/runbook.md",
        "README.md",
        "archive/compliance/2026-05-01.zip.sha256",
        "archive.zip",
    ];

    [Theory]
    [MemberData(nameof(Layout))]
    public void LayoutPathIsClassifiedAsItsKind(string path, ArtifactKind kind) => Assert.Equal(kind, ArtifactKinds.Classify(path));

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void LookAlikePathIsOther(string path) => Assert.Equal(ArtifactKind.Other, ArtifactKinds.Classify(path));

    [Fact]
    public void EveryJsonKindHasASchemaName()
    {
        var jsonKinds = Enum.GetValues<ArtifactKind>()
            .Where(k => k is not (ArtifactKind.Other or ArtifactKind.EngagementResponses or ArtifactKind.ExecutionLog or ArtifactKind.HandoffDocument
                or ArtifactKind.Folder or ArtifactKind.ArchiveBundle));

        Assert.All(jsonKinds, k => Assert.NotNull(ArtifactKinds.SchemaName(k)));
    }
}

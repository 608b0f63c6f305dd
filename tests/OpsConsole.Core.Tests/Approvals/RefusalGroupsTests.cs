using OpsConsole.Core.Approvals;

namespace OpsConsole.Core.Tests.Approvals;

public class RefusalGroupsTests
{
    [Fact]
    public void Findings_sharing_a_reason_become_one_line_with_the_count_and_the_files()
    {
        var findings = Enumerable.Range(1, 16)
            .Select(n => new ApprovalBlocker($"compliance/2026-05-{n:00}/edge-01.json", $"mismatch seen in file {n}", "device edge-01 has 2 different ids"))
            .Select(b => b.ToFinding())
            .Prepend(new ApprovalFinding(ApprovalRules.SelfApproval, "ana requested APR-1 and cannot approve it"));

        var groups = RefusalGroups.Of(findings);

        Assert.Equal(2, groups.Count);
        Assert.Equal("[self-approval] ana requested APR-1 and cannot approve it", groups[0].ToString());
        Assert.Equal(16, groups[1].Files.Count);
        Assert.StartsWith("[stop-condition] device edge-01 has 2 different ids (16 files: compliance/2026-05-01/edge-01.json, compliance/2026-05-02/edge-01.json,", groups[1].ToString());
    }

    [Fact]
    public void A_single_finding_reads_as_it_always_did()
    {
        var finding = new ApprovalBlocker("incidents/INC-9.json", "stop condition 4 holds: INC-9", "stop condition 4 holds: INC-9").ToFinding();

        Assert.Equal(finding.ToString(), Assert.Single(RefusalGroups.Of([finding])).ToString());
    }
}

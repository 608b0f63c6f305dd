using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Approvals;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Read;

/// <summary>What the approval queue and timeline read: the entries with their findings, and what one approval relates to.</summary>
public sealed class ApprovalReadsTests : IDisposable
{
    private readonly ReadIndex _index = new();

    public void Dispose() => _index.Dispose();

    private ApprovalReads Reads() => new(_index.Factory, new IndexState(), _index.Store);

    [Fact]
    public async Task Entries_come_in_path_order_with_the_folder_state_and_an_unreadable_file_keeps_its_file_id()
    {
        await _index
            .Write("approvals/pending/approval-APR-2026-0110.json", SampleDocuments.Approval)
            .Write("approvals/approved/approval-APR-2026-0111.json", SampleDocuments.With(SampleDocuments.Approval, d =>
            {
                d["approval_id"] = "APR-2026-0111";
                d["state"] = "approved";
            }))
            .Write("approvals/pending/approval-APR-2026-0112.json", "{ broken")
            .IndexAsync();

        var entries = Reads().Current();

        Assert.Equal(["approvals/approved/approval-APR-2026-0111.json", "approvals/pending/approval-APR-2026-0110.json",
            "approvals/pending/approval-APR-2026-0112.json"], entries.Select(e => e.Path));
        Assert.Equal([ApprovalStates.Approved, ApprovalStates.Pending, ApprovalStates.Pending], entries.Select(e => e.FolderState));
        var pending = entries[1];
        Assert.Equal("APR-2026-0110", pending.Id);
        Assert.True(pending.IsUndecided);
        // Entered pending at the history entry that moved it there, not when it was requested.
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 7, 0, 0, TimeSpan.Zero), pending.EnteredStateAt);
        var broken = entries[2];
        Assert.Null(broken.Record);
        Assert.Equal("APR-2026-0112", broken.Id);
        Assert.NotNull(broken.Problem);
        Assert.Equal(ApprovalRules.Unreadable, Assert.Single(broken.Findings).Rule);
        Assert.True(broken.IsInconsistent);
    }

    [Fact]
    public async Task The_same_id_in_two_folders_is_found_twice_and_each_copy_says_so()
    {
        await _index
            .Write("approvals/pending/approval-APR-2026-0110.json", SampleDocuments.Approval)
            .Write("approvals/proposed/approval-APR-2026-0110.json", SampleDocuments.Approval)
            .IndexAsync();

        var copies = Reads().Find("APR-2026-0110");

        Assert.Equal(2, copies.Count);
        Assert.All(copies, c => Assert.Contains(c.Findings, f => f.Rule == ApprovalRules.Duplicate));
        Assert.Empty(Reads().Find("APR-2026-0999"));
    }

    [Fact]
    public async Task The_related_runs_are_the_batchs_own_newest_first_and_the_report_is_the_devices_newest_day()
    {
        await _index
            .Write("batches/plans/B-1.json", SampleDocuments.BatchPlan)
            .Write("batches/results/B-1-r1.json", SampleDocuments.BatchResult)
            .Write("batches/results/B-1-r2.json", SampleDocuments.With(SampleDocuments.BatchResult, d =>
            {
                d["run_id"] = "r2";
                d["operator"] = "bruno";
                d["started_at"] = "2026-05-02T06:00:00Z";
                d["finished_at"] = "2026-05-02T06:01:00Z";
            }))
            .Write("batches/results/B-2-r1.json", SampleDocuments.With(SampleDocuments.BatchResult, d => d["batch_id"] = "B-2"))
            .Write("compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport)
            .Write("compliance/2026-05-02/dev-1.json", SampleDocuments.With(SampleDocuments.ComplianceReport, d =>
            {
                d["report_id"] = "RPT-2";
                d["generated_at"] = "2026-05-02T06:00:00Z";
                d["status"] = "error";
            }))
            .IndexAsync();
        var reads = Reads();

        var runs = await reads.RunsOfBatchAsync("B-1");
        var report = await reads.NewestReportAsync("dev-1");

        Assert.Equal(["r2", "r1"], runs.Select(r => r.RunId));
        Assert.Equal(("bruno", "dry-run", "succeeded"), (runs[0].Operator, runs[0].Mode, runs[0].Outcome));
        Assert.Equal("compliance/2026-05-02/dev-1.json", report!.Path);
        Assert.Equal("error", report.Status);
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 6, 0, 0, TimeSpan.Zero), report.GeneratedAt);
        Assert.Null(await reads.NewestReportAsync("dev-2"));
    }

    [Fact]
    public async Task A_plan_is_found_read_or_reported_missing()
    {
        await _index.Write("batches/plans/B-1.json", SampleDocuments.BatchPlan).Write("batches/plans/B-3.json", "{ broken").IndexAsync();
        var reads = Reads();

        var found = reads.PlanOf("B-1");
        var broken = reads.PlanOf("B-3");
        var missing = reads.PlanOf("B-2");

        Assert.True(found.Exists);
        Assert.Equal("APR-2026-0110", found.Plan!.ApprovalId);
        Assert.True(broken.Exists);
        Assert.Null(broken.Plan);
        Assert.NotNull(broken.Problem);
        Assert.False(missing.Exists);
        Assert.Equal("batches/plans/B-2.json", missing.Path);
    }
}

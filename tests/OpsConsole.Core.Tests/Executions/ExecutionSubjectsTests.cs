using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Executions;

namespace OpsConsole.Core.Tests.Executions;

public sealed class ExecutionSubjectsTests
{
    [Fact]
    public void A_cycle_prefixed_name_gives_the_cycle_and_the_gate()
    {
        var s = ExecutionSubjects.FromName("executions/cycle-002-real-write-attempt.log");

        Assert.Equal(["cycle-002"], s.Cycles);
        Assert.Equal(["real-write-attempt"], s.Gates);
    }

    [Fact]
    public void A_log_names_its_batches_without_the_file_extension_of_a_plan_path()
    {
        var s = ExecutionSubjects.FromLogText("INFO [BATCH-2026-0107] plan batches/plans/BATCH-2026-0107.json ok\nINFO [BATCH-2026-0108] go");

        Assert.Equal(["BATCH-2026-0107", "BATCH-2026-0108"], s.Batches);
    }

    [Fact]
    public void A_report_names_cycle_batches_devices_and_its_log_and_the_index_form_reads_back()
    {
        var report = (ExecutionReport)ArtifactParser.Parse(ArtifactKind.ExecutionReport, """
            { "schema": "opsconsole/execution-report@1", "status": "passed", "cycle_id": "cycle-001", "log": "executions/week1-real-run.log",
              "batches": [ { "batch_id": "BATCH-1", "device": { "id": 1, "name": "RT-01" } }, { "batch_id": "BATCH-2", "device": { "id": 2, "name": "has space" } } ] }
            """u8).Document!;

        var s = ExecutionSubjects.FromReport(report);
        var back = ExecutionSubjects.Decode(s.Encode());

        Assert.Equal(["cycle-001"], back.Cycles);
        Assert.Equal(["BATCH-1", "BATCH-2"], back.Batches);
        Assert.Equal(["RT-01"], back.Devices);
        Assert.Equal("executions/week1-real-run.log", back.Log);
        Assert.Contains(ExecutionSubjects.Token("batch", "BATCH-1"), s.Encode(), StringComparison.Ordinal);
    }
}

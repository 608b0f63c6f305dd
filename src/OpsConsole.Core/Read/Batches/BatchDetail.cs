using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Batches;

/// <summary>A batch: its plan file (if any) and every run, oldest first.</summary>
public sealed record BatchDetail(string BatchId, ArtifactDetail<BatchPlanRow, BatchPlan>? PlanFile, IReadOnlyList<ArtifactDetail<BatchRunRow, BatchResult>> Runs)
{
    /// <summary>The plan's index row; null when the batch has no plan file.</summary>
    public BatchPlanRow? PlanRecord => PlanFile?.Row;

    /// <summary>The parsed plan; null when there is none or it is unreadable.</summary>
    public BatchPlan? Plan => PlanFile?.Document;

    /// <summary>Why the plan file is unreadable.</summary>
    public string? PlanProblem => PlanFile?.Problem;
}

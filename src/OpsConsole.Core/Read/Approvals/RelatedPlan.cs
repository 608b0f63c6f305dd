using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Read.Approvals;

/// <summary>The batch plan an approval covers, as found (or not) under batches/plans/.</summary>
/// <param name="Path">Where the plan would be.</param>
/// <param name="Plan">The plan; null when missing or unreadable.</param>
/// <param name="Problem">Why it is unreadable; null when readable or missing.</param>
/// <param name="Exists">True when the file exists.</param>
public sealed record RelatedPlan(string Path, BatchPlan? Plan, string? Problem, bool Exists);

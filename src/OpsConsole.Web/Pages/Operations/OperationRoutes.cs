using OpsConsole.Core.Read.Operations;

namespace OpsConsole.Web.Pages.Operations;

/// <summary>What a named sub-route of a cycle shows: a stage overview or one gate of the ladder.</summary>
/// <param name="Stage">The stage listed by an overview page; null for a gate page.</param>
/// <param name="GateId">The gate shown; null for a stage overview.</param>
public sealed record OperationTarget(string? Stage, string? GateId);

/// <summary>
/// The ONE table from the named routes under <c>/controlled-operation/{cycle}/</c> to stages and
/// gate ids of the reference ladder, plus the id rule for cycles and gates.
/// </summary>
public static class OperationRoutes
{
    /// <summary>Base address of the feature.</summary>
    public const string Base = "/controlled-operation";

    /// <summary>Sub-route (after the cycle) → what it shows. <c>gates/{gate}</c> is handled separately.</summary>
    public static readonly IReadOnlyDictionary<string, OperationTarget> Table = new Dictionary<string, OperationTarget>(StringComparer.Ordinal)
    {
        ["week1"] = new("week1", null),
        ["week1/intake"] = new(null, "week1-intake"),
        ["week1/validation"] = new(null, "week1-validation"),
        ["week2"] = new("week2", null),
        ["week2/review"] = new(null, "week2-review"),
        ["approvals"] = new(null, "week2-proposed-approvals"),
        ["approvals/readiness"] = new(null, "week2-readiness-gate"),
        ["approvals/manual-review"] = new(null, "manual-review"),
        ["applyplan"] = new(null, "applyplan-dryrun"),
        ["applyplan/validation"] = new(null, "applyplan-validation"),
        ["applyplan/dryrun-gate"] = new(null, "dryrun-gate"),
        ["applyplan/simulation"] = new(null, "simulation"),
        ["applyplan/real-write-readiness"] = new(null, "real-write-readiness"),
        ["applyplan/real-write-authorization"] = new(null, "real-write-authorization"),
        ["applyplan/real-write-preflight"] = new(null, "real-write-preflight"),
        ["applyplan/real-write-package"] = new(null, "real-write-package"),
        ["applyplan/real-write-freeze"] = new(null, "real-write-freeze"),
        ["applyplan/real-write-attempt"] = new(null, "real-write-attempt"),
    };

    /// <summary>The gate that holds the result of the real-write attempt.</summary>
    public const string AttemptGate = "real-write-attempt";

    private static readonly Dictionary<string, string> ByGate =
        Table.Where(e => e.Value.GateId is not null).ToDictionary(e => e.Value.GateId!, e => e.Key, StringComparer.Ordinal);

    /// <summary>True for a lower-case cycle or gate id (<see cref="OperationIds"/>).</summary>
    public static bool IsValidId(string? id) => OperationIds.IsValid(id);

    /// <summary>Resolves <c>{section}/{sub?}</c>; null when the address names nothing.</summary>
    public static OperationTarget? Resolve(string section, string? sub)
    {
        if (section == "gates")
        {
            return IsValidId(sub) ? new OperationTarget(null, sub) : null;
        }

        if (!IsValidId(section) || (sub is not null && !IsValidId(sub)))
        {
            return null;
        }

        return Table.GetValueOrDefault(sub is null ? section : $"{section}/{sub}");
    }

    /// <summary>The cycle's page.</summary>
    public static string Cycle(string cycleId) => $"{Base}/{cycleId}";

    /// <summary>The page of a gate: its named route when it has one, else <c>gates/{gate}</c>.</summary>
    public static string Gate(string cycleId, string gateId) =>
        ByGate.TryGetValue(gateId, out var named) ? $"{Base}/{cycleId}/{named}" : $"{Base}/{cycleId}/gates/{gateId}";

    /// <summary>The overview page of a stage, when it has one (week1, week2).</summary>
    public static string? Stage(string cycleId, string stage) =>
        Table.TryGetValue(stage, out var t) && t.Stage == stage ? $"{Base}/{cycleId}/{stage}" : null;

    /// <summary>A raw-file download link.</summary>
    public static string Download(string path) => "/download?path=" + Uri.EscapeDataString(path);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Operations;

namespace OpsConsole.Web.Pages.Operations;

/// <summary>
/// Every page under a cycle: the named routes of <see cref="OperationRoutes.Table"/> and
/// <c>gates/{gate}</c>. A stage overview or the gate view; a 404 page when the ladder has no such gate.
/// </summary>
public sealed class SectionModel(OperationQueries queries) : PageModel
{
    public LadderEvaluation Evaluation { get; private set; } = null!;
    public OperationTarget Target { get; private set; } = null!;
    public GateView? Gate { get; private set; }
    public StageView? Stage { get; private set; }

    /// <summary>True when the cycle exists but its ladder has no such gate or stage (rendered with 404).</summary>
    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string cycle, string section, string? sub)
    {
        if (OperationRoutes.Resolve(section, sub) is not { } target || await queries.CycleAsync(cycle) is not { } evaluation)
        {
            return NotFound();
        }

        Target = target;
        Evaluation = evaluation;
        if (target.GateId is { } gateId)
        {
            if (evaluation.Steps.FirstOrDefault(s => s.GateId == gateId) is { } step)
            {
                Gate = await queries.GateAsync(evaluation, step);
            }
        }
        else if (evaluation.Steps.Any(s => s.Stage == target.Stage))
        {
            Stage = await queries.StageAsync(evaluation, target.Stage!);
        }

        if (Gate is null && Stage is null)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}

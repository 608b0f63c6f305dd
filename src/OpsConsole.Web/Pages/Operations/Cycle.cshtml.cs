using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Operations;

namespace OpsConsole.Web.Pages.Operations;

/// <summary>The whole ladder of one cycle, grouped by stage.</summary>
public sealed class CycleModel(OperationQueries queries) : PageModel
{
    public LadderEvaluation Evaluation { get; private set; } = null!;
    public IReadOnlyDictionary<string, IReadOnlyList<EvidenceLink>> Evidence { get; private set; } = new Dictionary<string, IReadOnlyList<EvidenceLink>>();

    public async Task<IActionResult> OnGetAsync(string cycle)
    {
        if (await queries.CycleAsync(cycle) is not { } evaluation)
        {
            return NotFound();
        }

        Evaluation = evaluation;
        Evidence = await queries.EvidenceAsync(evaluation, evaluation.Steps);
        return Page();
    }
}

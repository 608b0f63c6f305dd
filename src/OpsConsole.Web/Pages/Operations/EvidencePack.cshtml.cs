using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Operations;
using OpsConsole.Core.Read.Operations;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Pages.Operations;

/// <summary>
/// <c>GET /controlled-operation/{cycle}/evidence-pack</c>: the cycle's evidence pack as a zip, built by the same
/// Core builder as <c>opsconsole evidence-pack</c>, in the request's language (<c>?culture=pt-BR</c>). The
/// export time is the index's newest change, so unchanged artifacts download as the same bytes. Audited.
/// </summary>
public sealed class EvidencePackModel(ArtifactStore store, StopConditionEvaluator evaluator, OperationReads reads, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string cycle)
    {
        if (!OperationRoutes.IsValidId(cycle))
        {
            return NotFound();
        }

        var asOf = await reads.EvidencePackAsOfAsync();
        var source = $"web {HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        var pack = new EvidencePackBuilder(store).Build(new EvidencePackRequest
        {
            CycleId = cycle,
            AsOf = asOf,
            Culture = CultureInfo.CurrentUICulture.Name,
            StopConditions = evaluator.Evaluate(),
        });
        if (pack is null)
        {
            audit.Record("evidence-pack", "web", cycle, source, "refused", "no such cycle");
            return NotFound();
        }

        audit.Record("evidence-pack", "web", pack.CycleId, source, "ok", pack.AuditDetail);
        return File(pack.Bytes, "application/zip", pack.FileName);
    }
}

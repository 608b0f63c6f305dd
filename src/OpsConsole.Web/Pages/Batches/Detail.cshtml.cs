using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Read.Batches;

namespace OpsConsole.Web.Pages.Batches;

/// <summary>One batch: its plan (objects, staged payloads, completeness) and every run with its items.</summary>
public sealed class DetailModel(BatchReads reads) : PageModel
{
    public BatchDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string batchId)
    {
        var detail = await reads.DetailAsync(batchId);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }

    /// <summary>A JSON object as compact text for the payload columns.</summary>
    public static string Json(Dictionary<string, System.Text.Json.JsonElement>? value) =>
        value is null ? "" : System.Text.Json.JsonSerializer.Serialize(value);
}

using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpsConsole.Core.Engagement;
using OpsConsole.Web.Infrastructure.Identity;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>
/// One device's package, answers, validation and links, plus the console's only write handlers
/// (save an answer, run local validation, finalize): local requests only, antiforgery, rate limited.
/// </summary>
[LocalWritesOnly]
[TeamLeadWrites]
[FormPostsOnly]
[EnableRateLimiting(EngagementRegistration.WritePolicy)]
public sealed class DeviceModel(EngagementQueries queries, EngagementWriter writer, IValidator<AnswerSubmission> validator,
    IStringLocalizer<EngagementResource> t) : PageModel
{
    public EngagementDeviceView View { get; private set; } = null!;
    public ItemFormState? Editor { get; private set; }
    public string? Refusal { get; private set; }
    public string? FinalizeError { get; private set; }
    /// <summary>The signed-in user when users are identified (their identity replaces the typed names).</summary>
    public ConsoleUser? SignedIn => ConsoleUser.Of(User);

    /// <summary>Whether this caller's writes would be accepted: from loopback, or (identified users) by a lead of the package's team.</summary>
    public bool CanWrite => SignedIn is { } user ? user.Leads(View.Package?.Team) : ClientAddress.IsLocal(HttpContext);

    /// <summary>The success message after a redirect: "saved:item", "validated:status" or "finalized".</summary>
    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(string device) => await LoadAsync(device) ? Page() : NotFound();

    /// <summary>A CSV of the items to collect answers offline (formula-injection escaped).</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string device)
    {
        if (!await LoadAsync(device) || View.Package is not { } package)
        {
            return NotFound();
        }

        return TableExport.Create("csv", $"engagement-{device}-template", ["item_id", "object", "field", "current", "allowed", "required", "hint", "value", "evidence"],
            package.Items.Select(i => (IReadOnlyList<string?>)[i.ItemId, i.Object, i.Field, CurrentText(i.Current),
                string.Join(" | ", i.Allowed ?? []), i.Required ? "true" : "false", i.Hint, "", ""]));
    }

    public async Task<IActionResult> OnPostSaveAsync(string device, [FromForm(Name = "item_id")] string? itemId, [FromForm(Name = "value")] string? value,
        [FromForm(Name = "evidence")] string? evidence, [FromForm(Name = "responded_by")] string? respondedBy)
    {
        if (!await LoadAsync(device))
        {
            return NotFound();
        }

        // The identity is the truth: when a user is signed in, the form's name is not asked for nor believed.
        var typed = new EngagementAnswer(itemId ?? "", value ?? "", evidence ?? "", SignedIn?.Name ?? respondedBy ?? "");
        var answer = EngagementAnswerRules.Normalize(typed);
        if (View.Package is { } package)
        {
            var check = await validator.ValidateAsync(new AnswerSubmission(package, answer));
            if (!check.IsValid)
            {
                Editor = new ItemFormState(answer.ItemId, typed.Value, typed.Evidence, typed.RespondedBy,
                    check.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
                return Page();
            }
        }

        var result = await writer.SaveAsync(device, answer, IdentityAudit.Source(HttpContext), HttpContext.RequestAborted);
        if (!result.Written)
        {
            Refusal = t["engagement.refusal." + result.Refusal].Value;
            Editor = new ItemFormState(answer.ItemId, typed.Value, typed.Evidence, typed.RespondedBy, new Dictionary<string, string[]>());
            return Page();
        }

        Flash = "saved:" + answer.ItemId;
        return Redirect(DeviceUrl(device) + "#history");
    }

    public async Task<IActionResult> OnPostValidateAsync(string device)
    {
        if (!await LoadAsync(device))
        {
            return NotFound();
        }

        var result = await writer.ValidateAsync(device, IdentityAudit.Actor(HttpContext), IdentityAudit.Source(HttpContext), HttpContext.RequestAborted);
        if (!result.Written)
        {
            Refusal = t["engagement.refusal." + result.Refusal].Value;
            return Page();
        }

        Flash = "validated";
        return Redirect(DeviceUrl(device) + "/validation");
    }

    public async Task<IActionResult> OnPostFinalizeAsync(string device, [FromForm(Name = "finalized_by")] string? finalizedBy)
    {
        if (!await LoadAsync(device))
        {
            return NotFound();
        }

        var result = await writer.FinalizeAsync(device, SignedIn?.Name ?? finalizedBy ?? "", IdentityAudit.Source(HttpContext), HttpContext.RequestAborted);
        if (!result.Written)
        {
            FinalizeError = t["engagement.refusal." + result.Refusal].Value;
            return Page();
        }

        Flash = "finalized";
        return Redirect(DeviceUrl(device));
    }

    public static string DeviceUrl(string device) => "/service-engagement/" + Uri.EscapeDataString(device);

    public static string CurrentText(JsonElement? current) => current is not { } c || c.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        ? "" : c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : c.GetRawText();

    private async Task<bool> LoadAsync(string device)
    {
        View = (await queries.DeviceAsync(device))!;
        return View is not null;
    }
}

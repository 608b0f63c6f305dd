using FluentValidation;
using Microsoft.Extensions.Localization;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Engagement;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>What the item form posts, checked against the device's package.</summary>
/// <param name="Package">The package the answer is for.</param>
/// <param name="Answer">The normalized answer.</param>
public sealed record AnswerSubmission(EngagementPackage Package, EngagementAnswer Answer)
{
    public EngagementItem? Item => Package.Items.FirstOrDefault(i => i.ItemId == Answer.ItemId);
}

/// <summary>
/// The form's rules with messages in the user's language. Property names are the form field names,
/// so each message lands next to its field. The writer checks the same rules again.
/// </summary>
public sealed class AnswerSubmissionValidator : AbstractValidator<AnswerSubmission>
{
    public AnswerSubmissionValidator(IStringLocalizer<EngagementResource> t)
    {
        RuleFor(s => s.Item).NotNull().WithMessage(_ => t["engagement.error.unknownItem"].Value).OverridePropertyName("item_id");
        When(s => s.Item is not null, () =>
        {
            RuleFor(s => s.Answer.Value).Cascade(CascadeMode.Stop)
                .NotEmpty().When(s => s.Item!.Required).WithMessage(_ => t["engagement.error.valueRequired"].Value)
                .MaximumLength(EngagementAnswerRules.MaxValueLength).WithMessage(_ => t["engagement.error.valueTooLong", EngagementAnswerRules.MaxValueLength].Value)
                .Must(v => !EngagementAnswerRules.HasControlCharacters(v)).WithMessage(_ => t["engagement.error.controlChars"].Value)
                .Must((s, v) => v.Length == 0 || EngagementAnswerRules.IsAllowed(s.Item!, v))
                .WithMessage(s => t["engagement.error.valueNotAllowed", string.Join(", ", s.Item!.Allowed ?? [])].Value)
                .OverridePropertyName("value");
            RuleFor(s => s.Answer.Evidence).Cascade(CascadeMode.Stop)
                .MaximumLength(EngagementAnswerRules.MaxEvidenceLength).WithMessage(_ => t["engagement.error.evidenceTooLong", EngagementAnswerRules.MaxEvidenceLength].Value)
                .Must(v => !EngagementAnswerRules.HasControlCharacters(v)).WithMessage(_ => t["engagement.error.controlChars"].Value)
                .OverridePropertyName("evidence");
        });
        RuleFor(s => s.Answer.RespondedBy).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["engagement.error.nameRequired"].Value)
            .MaximumLength(EngagementAnswerRules.MaxNameLength).WithMessage(_ => t["engagement.error.nameTooLong", EngagementAnswerRules.MaxNameLength].Value)
            .Must(v => !EngagementAnswerRules.HasControlCharacters(v)).WithMessage(_ => t["engagement.error.controlChars"].Value)
            .OverridePropertyName("responded_by");
    }
}

using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Engagement;

/// <summary>One answer a service team lead gives for one pending item.</summary>
/// <param name="ItemId">The package item answered.</param>
/// <param name="Value">The answer (trimmed before it is stored).</param>
/// <param name="Evidence">Where the answer comes from (ticket, contract, e-mail); may be empty.</param>
/// <param name="RespondedBy">The name of the person answering.</param>
public sealed record EngagementAnswer(string ItemId, string Value, string Evidence, string RespondedBy);

/// <summary>
/// The rules an answer must meet before it may be written. The web form checks them with localized
/// messages; the writer checks them again, so no caller can write around them.
/// </summary>
public static class EngagementAnswerRules
{
    /// <summary>Longest value stored.</summary>
    public const int MaxValueLength = 200;

    /// <summary>Longest evidence text stored.</summary>
    public const int MaxEvidenceLength = 1000;

    /// <summary>Longest responder name stored.</summary>
    public const int MaxNameLength = 100;

    /// <summary>True when <paramref name="text"/> holds a control character (newlines and tabs included).</summary>
    public static bool HasControlCharacters(string? text) => text is not null && text.Any(char.IsControl);

    /// <summary>True when <paramref name="value"/> is acceptable for <paramref name="item"/>'s allowed list (or it has none).</summary>
    public static bool IsAllowed(EngagementItem item, string value) =>
        item.Allowed is not { Count: > 0 } allowed || allowed.Contains(value, StringComparer.Ordinal);

    /// <summary>The answer with surrounding white space removed from every field.</summary>
    public static EngagementAnswer Normalize(EngagementAnswer answer) =>
        new((answer.ItemId ?? "").Trim(), (answer.Value ?? "").Trim(), (answer.Evidence ?? "").Trim(), (answer.RespondedBy ?? "").Trim());

    /// <summary>Every rule the (normalized) answer breaks, in plain English; empty when it may be written.</summary>
    public static IReadOnlyList<string> Problems(EngagementPackage package, EngagementAnswer answer)
    {
        var problems = new List<string>();
        var item = package.Items.FirstOrDefault(i => i.ItemId == answer.ItemId);
        if (item is null)
        {
            problems.Add("the item is not in the package");
            return problems;
        }

        if (item.Required && answer.Value.Length == 0)
        {
            problems.Add("a value is required");
        }

        if (answer.Value.Length > MaxValueLength)
        {
            problems.Add($"the value is longer than {MaxValueLength} characters");
        }
        else if (answer.Value.Length > 0 && !IsAllowed(item, answer.Value))
        {
            problems.Add("the value is not one of the allowed values");
        }

        if (answer.Evidence.Length > MaxEvidenceLength)
        {
            problems.Add($"the evidence is longer than {MaxEvidenceLength} characters");
        }

        if (answer.RespondedBy.Length == 0)
        {
            problems.Add("the responder name is required");
        }
        else if (answer.RespondedBy.Length > MaxNameLength)
        {
            problems.Add($"the responder name is longer than {MaxNameLength} characters");
        }

        if (HasControlCharacters(answer.Value) || HasControlCharacters(answer.Evidence) || HasControlCharacters(answer.RespondedBy))
        {
            problems.Add("control characters are not allowed");
        }

        return problems;
    }
}

using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Engagement;

/// <summary>How many required items have a valid answer.</summary>
/// <param name="Answered">Required items whose latest answer is valid.</param>
/// <param name="Required">Required items in the package.</param>
public readonly record struct EngagementProgress(int Answered, int Required)
{
    /// <summary>True when every required item has a valid answer.</summary>
    public bool Complete => Answered == Required;
}

/// <summary>
/// Local validation of a device's answers against its package (engagement-validation@1): each item
/// is <c>ok</c>, <c>missing</c> (required, no non-empty answer) or <c>invalid</c> (the latest answer
/// breaks a rule). The latest row of an item supersedes earlier ones, as ARTIFACTS.md says.
/// </summary>
public static class EngagementValidator
{
    /// <summary>Item status words (ARTIFACTS.md).</summary>
    public const string Ok = "ok";

    /// <summary>Required item without a non-empty answer.</summary>
    public const string Missing = "missing";

    /// <summary>The latest answer breaks a rule.</summary>
    public const string Invalid = "invalid";

    /// <summary>Validates <paramref name="responses"/> (file order) against <paramref name="package"/>.</summary>
    public static EngagementValidation Validate(EngagementPackage package, IReadOnlyList<EngagementResponse> responses, DateTimeOffset now)
    {
        var latest = Latest(responses);
        var results = package.Items.Select(item => Check(package, item, latest.GetValueOrDefault(item.ItemId))).ToList();
        var known = package.Items.Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
        results.AddRange(latest.Keys.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).Select(id => new EngagementValidationResult
        {
            ItemId = id,
            Status = Invalid,
            Message = "answered, but the package has no such item",
        }));

        return new EngagementValidation
        {
            Schema = "opsconsole/engagement-validation@1",
            Device = package.Device,
            GeneratedAt = now,
            Status = results.All(r => r.Status == Ok) ? "passed" : "failed",
            Results = results,
        };
    }

    /// <summary>Required items of the package and how many of them have a valid latest answer.</summary>
    public static EngagementProgress Progress(EngagementPackage package, IReadOnlyList<EngagementResponse> responses)
    {
        var latest = Latest(responses);
        var required = package.Items.Where(i => i.Required).ToList();
        var answered = required.Count(i => Check(package, i, latest.GetValueOrDefault(i.ItemId)).Status == Ok);
        return new EngagementProgress(answered, required.Count);
    }

    /// <summary>The latest answer per item id (a later row supersedes an earlier one).</summary>
    public static Dictionary<string, EngagementResponse> Latest(IReadOnlyList<EngagementResponse> responses)
    {
        var latest = new Dictionary<string, EngagementResponse>(StringComparer.Ordinal);
        foreach (var row in responses)
        {
            latest[row.ItemId] = row;
        }

        return latest;
    }

    private static EngagementValidationResult Check(EngagementPackage package, EngagementItem item, EngagementResponse? row)
    {
        var (status, message) = Evaluate(package, item, row);
        return new EngagementValidationResult { ItemId = item.ItemId, Status = status, Message = message };
    }

    private static (string Status, string Message) Evaluate(EngagementPackage package, EngagementItem item, EngagementResponse? row)
    {
        if (row is null || row.Value.Length == 0)
        {
            var what = row is null ? "no answer yet" : "the latest answer is empty";
            return item.Required ? (Missing, $"required; {what}") : (Ok, $"optional; {what}");
        }

        if (row.Device != package.Device.Name)
        {
            return (Invalid, $"the answer names device \"{row.Device}\", not {package.Device.Name}");
        }

        if (row.Field != item.Field)
        {
            return (Invalid, $"the answer is for field \"{row.Field}\"; the package asks for \"{item.Field}\"");
        }

        if (row.Value.Length > EngagementAnswerRules.MaxValueLength)
        {
            return (Invalid, $"the value is longer than {EngagementAnswerRules.MaxValueLength} characters");
        }

        if (EngagementAnswerRules.HasControlCharacters(row.Value))
        {
            return (Invalid, "the value contains control characters");
        }

        if (!EngagementAnswerRules.IsAllowed(item, row.Value))
        {
            return (Invalid, $"the value is not one of the allowed values: {string.Join(", ", item.Allowed!)}");
        }

        if (row.RespondedBy.Trim().Length == 0)
        {
            return (Invalid, "the answer does not say who gave it (responded_by is empty)");
        }

        return (Ok, $"answered by {row.RespondedBy}");
    }
}

using OpsConsole.Core.Engagement;

namespace OpsConsole.Core.Read.Engagement;

/// <summary>One device on the engagement list.</summary>
/// <param name="Device">Device name (its folder under <c>engagement/</c>).</param>
/// <param name="Team">The team its package names ("" when none).</param>
/// <param name="DueAt">The package's due date.</param>
/// <param name="Progress">Answered / required; null until a page reads the package and answers (see the page's queries).</param>
/// <param name="Status">finalized, the readable validation's status (passed, failed), or not-started.</param>
/// <param name="ValidationStale">True when an answer was saved after the validation ran.</param>
/// <param name="Overdue">True when not finalized and the due date has passed.</param>
/// <param name="Problem">The package's "unreadable" reason; null when it read.</param>
public sealed record EngagementListRow(
    string Device, string Team, DateTimeOffset? DueAt, EngagementProgress? Progress, string Status,
    bool ValidationStale, bool Overdue, string? Problem);

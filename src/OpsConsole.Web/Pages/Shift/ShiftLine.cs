using Microsoft.Extensions.Localization;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Shift;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Pages.Operations;

namespace OpsConsole.Web.Pages.Shift;

/// <summary>One digest line as shown and exported: the subject (linked), what changed, in the request's language, redacted.</summary>
/// <param name="Change">The journal row it describes.</param>
/// <param name="At">When, in the shift time zone.</param>
/// <param name="Subject">Device, approval, incident, run, gate or file (redacted).</param>
/// <param name="Href">The page of the subject; null when it is gone.</param>
/// <param name="Text">What changed, a sentence (redacted).</param>
public sealed record ShiftLine(ShiftChange Change, DateTimeOffset At, string Subject, string? Href, string Text);

/// <summary>Turns journal rows into <see cref="ShiftLine"/>s with the page's and the shared strings.</summary>
public sealed class ShiftLineWriter(IStringLocalizer<ShiftResource> t, IStringLocalizer<SharedResource> shared, IStringLocalizer<HandoffResource> stops)
{
    /// <summary>The line of <paramref name="c"/>, its time shown in <paramref name="zone"/>.</summary>
    public ShiftLine For(ShiftChange c, TimeZoneInfo zone) =>
        new(c, TimeZoneInfo.ConvertTime(c.At, zone), SecretRedactor.Redact(Subject(c)), Href(c), SecretRedactor.Redact(Text(c)));

    private string Subject(ShiftChange c) => c.Section switch
    {
        _ when c.Change == ShiftDigestQuery.Archived => c.Key ?? c.Path,
        ShiftSection.StopConditions => t["shift.stops"],
        ShiftSection.Compliance when c.Kind == nameof(ArtifactKind.ComplianceReview) => t["shift.run", c.Key ?? c.Path],
        ShiftSection.Compliance or ShiftSection.Engagement => c.Device ?? c.Path,
        ShiftSection.Batches => $"{c.GroupKey} / {c.Key}",
        ShiftSection.Gates => $"{c.GroupKey} / {c.Key}",
        ShiftSection.Files => c.Path,
        ShiftSection.Executions => Path.GetFileName(c.Path),
        _ => c.Key ?? c.Path,
    };

    /// <summary>The page a line links to; none for a removed file (its page is gone too).</summary>
    private static string? Href(ShiftChange c)
    {
        if (c.Change == ChangeKinds.Removed)
        {
            return null;
        }

        static string E(string? s) => Uri.EscapeDataString(s ?? "");
        if (c.Change == ShiftDigestQuery.Archived)
        {
            return "/archive/" + E(c.Key);
        }

        return c.Kind switch
        {
            ChangeKinds.StopConditionsKind => "/stop-conditions",
            nameof(ArtifactKind.ComplianceReport) => "/devices/" + E(c.Device),
            nameof(ArtifactKind.ComplianceReview) => $"/compliance-reports?from={E(c.Key)}&to={E(c.Key)}",
            nameof(ArtifactKind.Approval) => "/approval-timeline/" + E(c.Key),
            nameof(ArtifactKind.Incident) => "/incidents/" + E(c.Key),
            nameof(ArtifactKind.BatchResult) => "/batch-results/" + E(c.GroupKey),
            nameof(ArtifactKind.BatchPlan) => "/batch-results/" + E(c.Key),
            nameof(ArtifactKind.Gate) when c.GroupKey is not null && c.Key is not null => OperationRoutes.Gate(E(c.GroupKey), E(c.Key)),
            nameof(ArtifactKind.Gate) => "/controlled-operation/" + E(c.GroupKey),
            nameof(ArtifactKind.Cycle) => "/controlled-operation/" + E(c.Key),
            nameof(ArtifactKind.EngagementResponses) or nameof(ArtifactKind.EngagementPackage) => "/service-engagement/" + E(c.Device),
            nameof(ArtifactKind.EngagementValidation) => $"/service-engagement/{E(c.Device)}/validation",
            nameof(ArtifactKind.HandoffDocument) => "/handoff/" + E(c.Key),
            nameof(ArtifactKind.ExecutionLog) or nameof(ArtifactKind.ExecutionReport) => "/executions/" + E(Path.GetFileName(c.Path)),
            _ => "/artifacts",
        };
    }

    private string Text(ShiftChange c)
    {
        var parts = new List<string>();
        switch (c.Kind)
        {
            case var _ when c.Change == ShiftDigestQuery.Archived:
                parts.Add(ArchivedText(c));
                break;
            case ChangeKinds.StopConditionsKind:
                parts.Add(StopText(c));
                break;
            case nameof(ArtifactKind.ComplianceReport):
                parts.Add(c.StatusBefore is null && c.Change == ChangeKinds.Added ? t["shift.firstReport", S(c.StatusAfter)] : Transition(c));
                if (c.CountBefore != c.CountAfter && c.Change != ChangeKinds.Removed)
                {
                    parts.Add(t["shift.divergences", c.CountBefore ?? 0, c.CountAfter ?? 0]);
                }

                if (c.NewDivergentFields.Count > 0 && c.Change != ChangeKinds.Removed)
                {
                    parts.Add(t["shift.newFields", string.Join(", ", c.NewDivergentFields)]);
                }

                break;
            case nameof(ArtifactKind.ComplianceReview) when c.Change != ChangeKinds.Removed && c.StatusAfter != "unreadable":
                parts.Add(t["shift.reviewed"]);
                break;
            case nameof(ArtifactKind.EngagementResponses) when c.Change != ChangeKinds.Removed:
                parts.Add(t["shift.answers", (c.CountAfter ?? 0) - (c.CountBefore ?? 0)]);
                break;
            case nameof(ArtifactKind.EngagementValidation) when c.Change != ChangeKinds.Removed:
                parts.Add(t["shift.validation", S(c.StatusAfter)]);
                break;
            case nameof(ArtifactKind.Incident):
                parts.Add(Transition(c));
                if (c.Category is { } severity)
                {
                    parts.Add(S(severity));
                }

                break;
            case nameof(ArtifactKind.BatchResult):
                if (c.Category is { } mode)
                {
                    parts.Add(S(mode));
                }

                parts.Add(Transition(c));
                break;
            case nameof(ArtifactKind.ExecutionLog) when c.Change != ChangeKinds.Removed:
                parts.Add(Transition(c));
                if (c.CountAfter is > 0 and var errors)
                {
                    parts.Add(t["shift.errorLines", errors]);
                }

                break;
            default:
                parts.Add(Transition(c));
                break;
        }

        if (c.Actor is { Length: > 0 } actor && c.Change != ChangeKinds.Removed)
        {
            parts.Add(t["shift.by", actor]);
        }

        if (c.Title is { Length: > 0 } title && c.Kind is nameof(ArtifactKind.Incident) or nameof(ArtifactKind.Gate)
            or nameof(ArtifactKind.ExecutionLog) or nameof(ArtifactKind.ExecutionReport))
        {
            parts.Add(title);
        }

        if (c.StatusAfter == "unreadable" && c.Problem is { } problem)
        {
            parts.Add(t["shift.unreadable", problem]);
        }

        return string.Join(" · ", parts);
    }

    /// <summary>The summary of one archived period: its count, the period and the bundle (the unreadable reason follows).</summary>
    private string ArchivedText(ShiftChange c)
    {
        var reports = c.Kind == nameof(ArtifactKind.ComplianceReport);
        var key = (reports, c.StatusAfter == "unreadable") switch
        {
            (true, false) => "shift.archived.reports",
            (true, true) => "shift.archived.unreadableReports",
            (false, false) => "shift.archived.approvals",
            (false, true) => "shift.archived.unreadableApprovals",
        };
        return t[key, c.CountAfter ?? 0, c.GroupKey ?? "", c.Key ?? c.Path];
    }

    private string Transition(ShiftChange c) => c.Change switch
    {
        ChangeKinds.Removed when c.StatusBefore is null => t["shift.removedPlain"],
        ChangeKinds.Removed => t["shift.removed", S(c.StatusBefore)],
        _ when c.StatusBefore is null => t["shift.new", S(c.StatusAfter)],
        _ => t["shift.moved", S(c.StatusBefore), S(c.StatusAfter)],
    };

    private string StopText(ShiftChange c)
    {
        var after = StopConditionJournal.Parse(c.StatusAfter);
        string Names(IEnumerable<(int Number, string State)> set) =>
            string.Join(", ", set.Select(s => $"{s.Number} {stops[$"stop.{s.Number}.title"]} ({S(s.State)})"));
        if (c.StatusBefore is null)
        {
            return t["shift.atStart", after.Count == 0 ? t["shift.allClear"] : Names(after)];
        }

        var before = StopConditionJournal.Parse(c.StatusBefore);
        var raised = after.Except(before).ToList();
        var cleared = before.Where(b => after.All(a => a.Number != b.Number)).ToList();
        var parts = new List<string>();
        if (raised.Count > 0)
        {
            parts.Add(t["shift.raised", Names(raised)]);
        }

        if (cleared.Count > 0)
        {
            parts.Add(t["shift.cleared", string.Join(", ", cleared.Select(s => $"{s.Number} {stops[$"stop.{s.Number}.title"]}"))]);
        }

        return string.Join(" · ", parts);
    }

    /// <summary>A status in the request's language (the raw word when the catalogue does not know it).</summary>
    private string S(string? status)
    {
        if (status is null)
        {
            return "—";
        }

        var label = shared["status." + status];
        return label.ResourceNotFound ? status : label.Value;
    }
}

using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read;

namespace OpsConsole.Web.Pages.Metrics;

/// <summary>
/// Computes the runbook's "Track these" metrics from the artifacts: counts and lists from the index,
/// approval histories from the approval files. "Now" comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class MetricsQueries(MetricsInputsSource inputs, IOptions<OpsConsoleOptions> options, TimeProvider clock)
{
    /// <summary>Days of compliance history the board shows.</summary>
    public const int ComplianceWindowDays = 14;

    private static readonly string[] Decisions = ["approved", "rejected"];

    public Task<MetricsBoard> BuildAsync()
    {
        var now = clock.GetUtcNow();
        // The rows, approval histories and per-day counts are read once per index version; only the
        // clock-dependent figures below are worked out per request.
        var current = inputs.Current();
        var byKind = current.Rows;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        return Task.FromResult(new MetricsBoard(now,
            DecisionTimes(current.Approvals, now),
            BatchSuccess(byKind[nameof(ArtifactKind.BatchResult)].Where(r => r.Readable && r.Category == "real")),
            ComplianceFrequency(current.ReportsPerDay, today),
            IncidentBacklog(byKind[nameof(ArtifactKind.Incident)].Where(r => r.Readable && r.Status is "open" or "mitigated"), now),
            EngagementCompletion(byKind[nameof(ArtifactKind.EngagementPackage)].Where(r => r.Readable), byKind[nameof(ArtifactKind.EngagementValidation)].Where(r => r.Readable))));
    }

    private DecisionTimeMetric DecisionTimes(IReadOnlyList<ApprovalDecisionInput> approvals, DateTimeOffset now)
    {
        var target = options.Value.DecisionTargetDays;
        var samples = new List<DecisionSample>();
        var waiting = 0;
        foreach (var approval in approvals)
        {
            // Decision time: from the (last) entry into pending to the decision that left it.
            var history = approval.History;
            if (history.Count == 0)
            {
                continue;
            }

            var decided = IndexOf(history, h => h.From == "pending" && Decisions.Contains(h.To));
            var enteredIndex = LastIndexOf(history, decided < 0 ? history.Count - 1 : decided, h => h.To == "pending");
            if (enteredIndex < 0)
            {
                continue;
            }

            var entered = history[enteredIndex].At;
            if (decided >= 0)
            {
                samples.Add(new DecisionSample(approval.ApprovalId, history[decided].To, (history[decided].At - entered).TotalDays));
            }
            else if (approval.State == "pending" && (now - entered).TotalDays > target)
            {
                waiting++;
            }
        }

        var days = samples.Select(s => s.Days).ToList();
        return new DecisionTimeMetric(samples, MetricMath.Median(days), MetricMath.Percentile(days, 0.9),
            samples.Count(s => s.Days > target), waiting, target);
    }

    private static int IndexOf(IReadOnlyList<ApprovalHistoryEntry> history, Func<ApprovalHistoryEntry, bool> match)
    {
        for (var i = 0; i < history.Count; i++)
        {
            if (match(history[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOf(IReadOnlyList<ApprovalHistoryEntry> history, int from, Func<ApprovalHistoryEntry, bool> match)
    {
        for (var i = from; i >= 0; i--)
        {
            if (match(history[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static BatchSuccessMetric BatchSuccess(IEnumerable<MetricsRow> realRuns)
    {
        var runs = realRuns.ToList();
        return new BatchSuccessMetric(runs.Count, runs.Count(r => r.Status == "succeeded"), runs.Count(r => r.Status == "failed"), runs.Count(r => r.Status == "blocked"));
    }

    // Every report file counts, readable or not: an unreadable report is still evidence a run happened.
    // The window ends today once today's run exists, else yesterday: a run not due yet is no gap.
    private static ComplianceFrequencyMetric ComplianceFrequency(IReadOnlyDictionary<string, int> perDay, DateOnly today)
    {
        var end = perDay.ContainsKey(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) ? today : today.AddDays(-1);
        var days = Enumerable.Range(0, ComplianceWindowDays).Select(i => end.AddDays(i - ComplianceWindowDays + 1))
            .Select(d => (d, perDay.GetValueOrDefault(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();
        return new ComplianceFrequencyMetric(days);
    }

    private static List<IncidentBacklogRow> IncidentBacklog(IEnumerable<MetricsRow> unresolved, DateTimeOffset now)
    {
        var list = unresolved.ToList();
        return [.. ArtifactVocabulary.Severities
            .Select(s => new IncidentBacklogRow(s, [.. Enumerable.Range(0, 4).Select(b => list.Count(r => r.Category == s
                && MetricMath.AgeBucket(now - new DateTimeOffset(r.AtTicks ?? now.UtcTicks, TimeSpan.Zero)) == b))]))
            .Where(r => r.Total > 0)];
    }

    private static List<EngagementTeamRow> EngagementCompletion(IEnumerable<MetricsRow> packages, IEnumerable<MetricsRow> validations)
    {
        var passed = validations.Where(v => v.Status == "passed" && v.Device is not null).Select(v => v.Device!).ToHashSet(StringComparer.Ordinal);
        return [.. packages.Where(p => p.Device is not null)
            .GroupBy(p => p.Category ?? "—", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EngagementTeamRow(g.Key, g.Select(p => p.Device!).Distinct().Count(), g.Select(p => p.Device!).Distinct().Count(passed.Contains)))];
    }

}

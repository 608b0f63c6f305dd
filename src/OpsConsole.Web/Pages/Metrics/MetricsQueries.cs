using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Pages.Metrics;

/// <summary>
/// Computes the runbook's "Track these" metrics from the artifacts: counts and lists from the index,
/// approval histories from the approval files. "Now" comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class MetricsQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, IOptions<OpsConsoleOptions> options, TimeProvider clock)
{
    /// <summary>Days of compliance history the board shows.</summary>
    public const int ComplianceWindowDays = 14;

    private static readonly string[] Decisions = ["approved", "rejected"];

    public async Task<MetricsBoard> BuildAsync()
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Artifacts.AsNoTracking()
            .Where(a => a.Kind == nameof(ArtifactKind.Approval) || a.Kind == nameof(ArtifactKind.BatchResult)
                || a.Kind == nameof(ArtifactKind.Incident) || a.Kind == nameof(ArtifactKind.EngagementPackage) || a.Kind == nameof(ArtifactKind.EngagementValidation))
            .Select(a => new Row(a.Path, a.Kind, a.Readable, a.Key, a.Device, a.Status, a.Category, a.Day, a.AtTicks))
            .ToListAsync();
        ILookup<string, Row> byKind = rows.ToLookup(r => r.Kind);

        // Reports are the bulk of the index (one per device per day): count them per day in SQL.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(-ComplianceWindowDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var perDay = await db.Artifacts.AsNoTracking()
            .Where(a => a.Kind == nameof(ArtifactKind.ComplianceReport) && a.Day != null && string.Compare(a.Day, firstDay) >= 0)
            .GroupBy(a => a.Day!)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Day, x => x.Count, StringComparer.Ordinal);

        return new MetricsBoard(now,
            DecisionTimes(byKind[nameof(ArtifactKind.Approval)].Where(r => r.Readable), now),
            BatchSuccess(byKind[nameof(ArtifactKind.BatchResult)].Where(r => r.Readable && r.Category == "real")),
            ComplianceFrequency(perDay, today),
            IncidentBacklog(byKind[nameof(ArtifactKind.Incident)].Where(r => r.Readable && r.Status is "open" or "mitigated"), now),
            EngagementCompletion(byKind[nameof(ArtifactKind.EngagementPackage)].Where(r => r.Readable), byKind[nameof(ArtifactKind.EngagementValidation)].Where(r => r.Readable)));
    }

    private DecisionTimeMetric DecisionTimes(IEnumerable<Row> approvals, DateTimeOffset now)
    {
        var target = options.Value.DecisionTargetDays;
        var samples = new List<DecisionSample>();
        var waiting = 0;
        foreach (var row in approvals.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            if (store.LoadDocument<ApprovalRecord>(row.Path) is not { } approval)
            {
                continue;
            }

            // Decision time: from the (last) entry into pending to the decision that left it.
            var history = approval.History;
            if (history.Count == 0)
            {
                continue;
            }

            var decided = history.FindIndex(h => h.From == "pending" && Decisions.Contains(h.To));
            var enteredIndex = history.FindLastIndex(decided < 0 ? history.Count - 1 : decided, h => h.To == "pending");
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

    private static BatchSuccessMetric BatchSuccess(IEnumerable<Row> realRuns)
    {
        var runs = realRuns.ToList();
        return new BatchSuccessMetric(runs.Count, runs.Count(r => r.Status == "succeeded"), runs.Count(r => r.Status == "failed"), runs.Count(r => r.Status == "blocked"));
    }

    // Every report file counts, readable or not: an unreadable report is still evidence a run happened.
    // The window ends today once today's run exists, else yesterday: a run not due yet is no gap.
    private static ComplianceFrequencyMetric ComplianceFrequency(Dictionary<string, int> perDay, DateOnly today)
    {
        var end = perDay.ContainsKey(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) ? today : today.AddDays(-1);
        var days = Enumerable.Range(0, ComplianceWindowDays).Select(i => end.AddDays(i - ComplianceWindowDays + 1))
            .Select(d => (d, perDay.GetValueOrDefault(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();
        return new ComplianceFrequencyMetric(days);
    }

    private static List<IncidentBacklogRow> IncidentBacklog(IEnumerable<Row> unresolved, DateTimeOffset now)
    {
        var list = unresolved.ToList();
        return [.. ArtifactVocabulary.Severities
            .Select(s => new IncidentBacklogRow(s, [.. Enumerable.Range(0, 4).Select(b => list.Count(r => r.Category == s
                && MetricMath.AgeBucket(now - new DateTimeOffset(r.AtTicks ?? now.UtcTicks, TimeSpan.Zero)) == b))]))
            .Where(r => r.Total > 0)];
    }

    private static List<EngagementTeamRow> EngagementCompletion(IEnumerable<Row> packages, IEnumerable<Row> validations)
    {
        var passed = validations.Where(v => v.Status == "passed" && v.Device is not null).Select(v => v.Device!).ToHashSet(StringComparer.Ordinal);
        return [.. packages.Where(p => p.Device is not null)
            .GroupBy(p => p.Category ?? "—", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EngagementTeamRow(g.Key, g.Select(p => p.Device!).Distinct().Count(), g.Select(p => p.Device!).Distinct().Count(passed.Contains)))];
    }

    private sealed record Row(string Path, string Kind, bool Readable, string? Key, string? Device, string? Status, string? Category, string? Day, long? AtTicks);
}

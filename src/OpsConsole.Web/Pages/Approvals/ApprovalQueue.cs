using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Approvals;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Approvals;

/// <summary>The queue's query string, normalised: unknown values fall back to the defaults.</summary>
/// <param name="State">A state folder name, or null for all.</param>
/// <param name="Search">Text searched in id, device, batch and requester (case-insensitive).</param>
/// <param name="Sort"><c>-age</c> (oldest first, the default) or <c>age</c> (newest first).</param>
/// <param name="InconsistentOnly">Only records with findings.</param>
public sealed record ApprovalQueueFilter(string? State, string? Search, string Sort, bool InconsistentOnly)
{
    /// <summary>Sort values the queue accepts.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["-age", "age"];

    /// <summary>Builds a filter from raw query values.</summary>
    public static ApprovalQueueFilter From(string? state, string? search, string? sort, string? check) => new(
        state is not null && ApprovalStates.All.Contains(state) ? state : null,
        string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        sort is not null && Sorts.Contains(sort) ? sort : "-age",
        check == "inconsistent");
}

/// <summary>One queue row: the entry plus its age as of now.</summary>
/// <param name="Entry">The approval file.</param>
/// <param name="Age">Time since it entered its current state; null when unreadable.</param>
/// <param name="OverTarget">Undecided for longer than the decision-time target.</param>
public sealed record ApprovalQueueRow(ApprovalEntry Entry, TimeSpan? Age, bool OverTarget);

/// <summary>What the queue page shows.</summary>
public sealed record ApprovalQueueView(PagedList<ApprovalQueueRow> Rows, IReadOnlyDictionary<string, int> StateCounts, int Total, int InconsistentTotal, int TargetDays);

/// <summary>Filters, sorts and pages the approvals of the read layer for the queue, and exports it.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The page is the approval queue (/approval-queue): the name users know.")]
public sealed class ApprovalQueue(ApprovalReads reads, TimeProvider clock, IOptions<OpsConsoleOptions> options)
{
    /// <summary>The page of rows for <paramref name="filter"/>; a page past the end shows the last page.</summary>
    public ApprovalQueueView Query(ApprovalQueueFilter filter, PageRequest request)
    {
        var all = reads.Current();
        var now = clock.GetUtcNow();
        var target = TimeSpan.FromDays(options.Value.DecisionTargetDays);
        var rows = all
            .Where(e => filter.State is null || e.FolderState == filter.State)
            .Where(e => !filter.InconsistentOnly || e.IsInconsistent)
            .Where(e => filter.Search is null || Matches(e, filter.Search))
            .Select(e => Row(e, now, target));

        // Unreadable rows have no age: they go last either way.
        var sorted = (filter.Sort == "age"
                ? rows.OrderBy(r => r.Age is null).ThenBy(r => r.Age)
                : rows.OrderBy(r => r.Age is null).ThenByDescending(r => r.Age))
            .ThenBy(r => r.Entry.Path, StringComparer.Ordinal)
            .ToList();

        var pageCount = Math.Max(1, (int)Math.Ceiling(sorted.Count / (double)request.Size));
        var page = sorted.ToPage(request with { Page = Math.Min(request.Page, pageCount) });
        var counts = ApprovalStates.All.ToDictionary(s => s, s => all.Count(e => e.FolderState == s), StringComparer.Ordinal);
        return new ApprovalQueueView(page, counts, all.Count, all.Count(e => e.IsInconsistent), options.Value.DecisionTargetDays);
    }

    /// <summary>The export columns, one row per shown row.</summary>
    public static readonly IReadOnlyList<string> ExportColumns =
    [
        "approval_id", "state", "device", "batch_id", "risk", "requested_by", "requested_at", "in_state_since", "age_days",
        "over_target", "expires_at", "findings", "path", "problem",
    ];

    /// <summary>Values of <see cref="ExportColumns"/> for one row (invariant culture, ISO-8601 times).</summary>
    public static IReadOnlyList<string?> ExportRow(ApprovalQueueRow row)
    {
        var e = row.Entry;
        var r = e.Record;
        return
        [
            e.Id, e.FolderState, r?.Device.Name, r?.BatchId, r?.Risk.Level, r?.RequestedBy, Iso(r?.RequestedAt), Iso(e.EnteredStateAt),
            row.Age?.TotalDays.ToString("0.0", CultureInfo.InvariantCulture), row.OverTarget ? "true" : "false", Iso(r?.ExpiresAt),
            string.Join(" ", e.Findings.Select(f => f.Rule).Distinct()), e.Path, e.Problem,
        ];
    }

    private static ApprovalQueueRow Row(ApprovalEntry e, DateTimeOffset now, TimeSpan target)
    {
        TimeSpan? age = e.EnteredStateAt is { } at ? (now > at ? now - at : TimeSpan.Zero) : null;
        return new ApprovalQueueRow(e, age, e.IsUndecided && age > target);
    }

    private static bool Matches(ApprovalEntry e, string text) =>
        Contains(e.Id, text) || Contains(e.Record?.Device.Name, text) || Contains(e.Record?.BatchId, text) || Contains(e.Record?.RequestedBy, text);

    private static bool Contains(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private static string? Iso(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

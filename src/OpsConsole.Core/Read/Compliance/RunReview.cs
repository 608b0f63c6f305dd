using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Compliance;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Rows;

namespace OpsConsole.Core.Read.Compliance;

/// <summary>Whether a compliance run was reviewed: by whom and when, "not reviewed", or "unknown" with the reason.</summary>
/// <param name="Day">The run's day (yyyy-MM-dd).</param>
/// <param name="State">A <see cref="ComplianceReviewStates"/> value.</param>
/// <param name="ReviewedBy">The reviewer, when reviewed.</param>
/// <param name="ReviewedAt">When, when reviewed.</param>
/// <param name="Problem">Why the state is unknown (an unreadable or misplaced mark); raw, shown through SecretRedactor.</param>
public sealed record RunReview(string Day, string State, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? Problem);

/// <summary>Reads reviewed marks and the run counts a review records, from the index.</summary>
public static class RunReviewReads
{
    /// <summary>
    /// The review state of the run of <paramref name="day"/>. A mark that cannot be read, that states another day,
    /// or that could be hidden in a folder the console cannot list makes it "unknown", never "not reviewed".
    /// </summary>
    public static async Task<RunReview> ForDayAsync(IndexDbContext db, string day, CancellationToken ct = default)
    {
        var path = ComplianceReviewPaths.For(day);
        var row = await db.OfKind(ArtifactKind.ComplianceReview).Where(a => a.Path == path)
            .Select(ArtifactProjections.ComplianceReview).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            var hidden = await db.OfKind(ArtifactKind.Folder).Where(a => a.Path == "compliance" || a.Path == "" || a.Path == ".")
                .Select(a => a.Problem).FirstOrDefaultAsync(ct);
            return hidden is null
                ? new RunReview(day, ComplianceReviewStates.NotReviewed, null, null, null)
                : new RunReview(day, ComplianceReviewStates.Unknown, null, null, hidden);
        }

        return Of(row, day);
    }

    /// <summary>The review state a mark row gives the run of <paramref name="day"/>.</summary>
    public static RunReview Of(ComplianceReviewRow row, string day)
    {
        if (!row.Readable)
        {
            return new RunReview(day, ComplianceReviewStates.Unknown, null, null, row.Problem);
        }

        return row.Date == day
            ? new RunReview(day, ComplianceReviewStates.Reviewed, row.ReviewedBy, row.ReviewedAt, null)
            : new RunReview(day, ComplianceReviewStates.Unknown, null, null, $"{row.Path} states the date {row.Date}, not {day}");
    }

    /// <summary>What the run of <paramref name="day"/> holds in the index now (a review records it).</summary>
    public static async Task<RunSnapshot> SnapshotAsync(IndexDbContext db, string day)
    {
        var byStatus = await db.OfKind(ArtifactKind.ComplianceReport).InDays(day, day).CountByStatusAsync();
        return new RunSnapshot(byStatus.Values.Sum(), byStatus.GetValueOrDefault("divergent"), byStatus.GetValueOrDefault(ReadStatus.Unreadable));
    }
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Read.Compliance;

/// <summary>
/// The run days the trends cover: the newest day folders of compliance reports in the index (at most
/// <see cref="Retained"/>), oldest first. Remembered per index version.
/// </summary>
public sealed class ComplianceRunDays(IDbContextFactory<IndexDbContext> dbFactory, IndexVersionMemo memo)
{
    /// <summary>Run days a strip or trend shows at most (the retention of the nightly runs).</summary>
    public const int Retained = 30;

    /// <summary>The newest run days (yyyy-MM-dd), oldest first; empty when the index holds no report.</summary>
    public Task<IReadOnlyList<string>> NewestAsync() => memo.GetOrAddAsync("compliance-run-days", async () =>
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await NewestAsync(db);
    });

    /// <summary>
    /// Walks the (Kind, Day, …) index from the newest day down, one seek per day: the distinct days of 300,000
    /// reports without reading them all.
    /// </summary>
    private static async Task<IReadOnlyList<string>> NewestAsync(IndexDbContext db)
    {
        var reports = db.OfKind(ArtifactKind.ComplianceReport).Where(a => a.Day != null);
        var days = new List<string>();
        while (days.Count < Retained)
        {
            var below = days.Count == 0 ? null : days[^1];
            var query = below is null ? reports : reports.DayBefore(below);
            if (await query.OrderByDescending(a => a.Day).Select(a => a.Day).FirstOrDefaultAsync() is not { } day)
            {
                break;
            }

            days.Add(day);
        }

        days.Reverse();
        return days;
    }
}

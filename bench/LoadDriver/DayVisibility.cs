using System.Diagnostics;

namespace OpsConsole.Bench;

/// <summary>
/// When the new day shows: on the leader (it has indexed the last report written), on the follower (first
/// report, last report, then every report of the day listed by <c>/compliance-reports?from=…&amp;to=…</c>).
/// Polled through the pages a user opens; seconds since the first file was written; NaN when not seen in time.
/// </summary>
internal sealed class DayVisibility
{
    private const int ExportLimit = 10_000;

    public double LeaderLast { get; private set; } = double.NaN;
    public double FollowerFirst { get; private set; } = double.NaN;
    public double FollowerLast { get; private set; } = double.NaN;
    public double FollowerComplete { get; private set; } = double.NaN;

    /// <summary>Reports of the day the follower's list had at the last count.</summary>
    public int Listed { get; private set; }

    /// <summary>
    /// Polls every 50 ms until the follower lists every report of the day (or <paramref name="limit"/>).
    /// <paramref name="written"/> says when the writer has finished, so an early complete-looking count is not taken for the end.
    /// </summary>
    public async Task WatchAsync(HttpClient leader, HttpClient follower, NewDay day, Task written, Stopwatch since, TimeSpan limit)
    {
        var end = since.Elapsed + limit;
        while (since.Elapsed < end && !written.IsFaulted && !written.IsCanceled)
        {
            if (day.FirstReportId is { } first && double.IsNaN(FollowerFirst) && await ShowsAsync(follower, first))
            {
                FollowerFirst = since.Elapsed.TotalSeconds;
            }

            if (written.IsCompletedSuccessfully && day.ReportIds.Count > 0)
            {
                var ids = day.ReportIds;
                if (double.IsNaN(LeaderLast) && await ShowsAsync(leader, ids[^1]))
                {
                    LeaderLast = since.Elapsed.TotalSeconds;
                }

                if (double.IsNaN(FollowerLast) && await ShowsAsync(follower, ids[^1]))
                {
                    FollowerLast = since.Elapsed.TotalSeconds;
                }

                // The day's export is a heavy request: counted only once the last report shows, then twice a second.
                if (!double.IsNaN(FollowerLast) && !double.IsNaN(LeaderLast))
                {
                    Listed = await CountAsync(follower, day.Day);
                    if (Listed >= Math.Min(ids.Count, ExportLimit))
                    {
                        FollowerComplete = since.Elapsed.TotalSeconds;
                        return;
                    }

                    await Task.Delay(450);
                }
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Seconds until the follower no longer finds <paramref name="reportId"/> (the day removed); NaN after <paramref name="limit"/>.</summary>
    public static async Task<double> WaitGoneAsync(HttpClient follower, string reportId, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (!await ShowsAsync(follower, reportId))
            {
                return watch.Elapsed.TotalSeconds;
            }

            await Task.Delay(100);
        }

        return double.NaN;
    }

    private static async Task<bool> ShowsAsync(HttpClient http, string reportId)
    {
        using var response = await http.GetAsync($"/compliance-reports/{Uri.EscapeDataString(reportId)}");
        return (int)response.StatusCode == 200 && (await response.Content.ReadAsStringAsync()).Contains(reportId, StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(HttpClient http, string day)
    {
        using var response = await http.GetAsync($"/compliance-reports?from={day}&to={day}&format=csv&size={ExportLimit}");
        if ((int)response.StatusCode != 200)
        {
            return 0;
        }

        var body = await response.Content.ReadAsStringAsync();
        return Math.Max(0, body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }
}

using System.Globalization;
using System.Text;

namespace OpsConsole.Bench;

/// <summary>The follower phase's part of results.md: its targets (the same as on one instance) and its routes.</summary>
internal static class FollowerTable
{
    public static void Render(StringBuilder sb, Follower.Result f, IReadOnlyList<Load.RouteResult> leaderRoutes, Settings settings)
    {
        var v = f.Visibility;
        sb.AppendLine();
        sb.AppendLine("### Follower while the leader indexes (PostgreSQL)");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Leader {f.Leader}; follower {f.FollowerRole}, ready {f.FollowerReadySeconds:0.00} s after its start. " +
            $"New day `compliance/{f.Day}/`: {f.Files:N0} files ({f.Reports:N0} reports that parse) written in {f.WriteSeconds:0.00} s, each atomically (temp + rename), " +
            $"while the follower carried {settings.Clients} clients × {settings.RequestsPerRoute} requests per route. Times in seconds since the first file was written.");
        sb.AppendLine();
        var pages = f.Routes.Where(r => !Report.IsCeiling(r.Result.Route)).ToList();
        var during = pages.Where(r => r.Start < Complete(v)).ToList();
        var worstDuring = during.Count == 0 ? double.NaN : during.Max(r => r.Result.P95);
        var worstAll = pages.Count == 0 ? double.NaN : pages.Max(r => r.Result.P95);
        var lag = v.FollowerLast - v.LeaderLast;
        var errors = f.Routes.Sum(r => r.Result.Errors);
        sb.AppendLine("| Measure | Target | Result | Met |");
        sb.AppendLine("|---|---|---|---|");
        Row(sb, $"Worst p95 on the follower of the {during.Count} pages whose load began before the new day was fully listed", "≤ 50 ms",
            $"{worstDuring:0.0} ms", during.Count == 0 ? null : worstDuring <= 50);
        Row(sb, $"Worst p95 on the follower of all {pages.Count} pages", "≤ 50 ms", $"{worstAll:0.0} ms", worstAll <= 50);
        Row(sb, "Errors on the follower", "0", $"{errors}", errors == 0);
        Row(sb, "Last report of the new day: on the follower after it shows on the leader", "≤ 1 s",
            $"{lag:0.00} s (leader {v.LeaderLast:0.00} s, follower {v.FollowerLast:0.00} s)", !double.IsNaN(lag) && lag <= 1);
        Row(sb, "New day on the follower: first report / every report listed by its day filter", "—",
            $"{v.FollowerFirst:0.00} s / {v.FollowerComplete:0.00} s ({v.Listed:N0} of {f.Reports:N0} listed)", null);
        Row(sb, "Follower working set after the load (VmRSS / peak VmHWM)", "≤ 400 MB", $"{f.Rss:0} MiB / {f.Peak:0} MiB", f.Peak <= 400);
        Row(sb, "Removed day gone from the follower (after the folder's deletion)", "—", $"{f.RemovedSeenSeconds:0.00} s", null);
        sb.AppendLine();
        sb.AppendLine("| Route (follower) | p50 ms | p95 ms | max ms | req/s | p95 ms on the leader, quiet | ran (s) | while indexing | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---|---|---:|");
        foreach (var t in f.Routes)
        {
            var r = t.Result;
            var quiet = leaderRoutes.FirstOrDefault(l => l.Route == r.Route)?.P95;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| `{r.Route}` | {r.P50:0.0} | {r.P95:0.0} | {r.Max:0.0} | {r.RequestsPerSecond:0} | {quiet:0.0} | {t.Start:0.0}–{t.End:0.0} | {While(t, v)} | {r.Errors} |");
        }
    }

    /// <summary>When the follower listed the whole day; the end of time when it never did (every route then counts as during).</summary>
    private static double Complete(DayVisibility v) => double.IsNaN(v.FollowerComplete) ? double.PositiveInfinity : v.FollowerComplete;

    private static string While(Follower.TimedRoute t, DayVisibility v) =>
        t.End <= Complete(v) ? "yes" : t.Start < Complete(v) ? "partly" : "no";

    private static void Row(StringBuilder sb, string measure, string target, string result, bool? met) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {target} | {result} | {(met is null ? "" : met.Value ? "yes" : "**no**")} |");
}

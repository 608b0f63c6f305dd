using System.Diagnostics;
using System.Text.Json;

namespace OpsConsole.Bench;

/// <summary>
/// The follower phase (issue 15, PostgreSQL only, docs/scale-out.md): a second instance on port + 1 against the
/// same root and database follows the leader (the warm-started app). While the leader indexes a new day of
/// compliance reports, the latency load runs against the follower; then the day is removed again.
/// </summary>
internal static class Follower
{
    /// <summary>One route's load on the follower, with when it ran (seconds since the first file of the new day was written).</summary>
    public sealed record TimedRoute(Load.RouteResult Result, double Start, double End);

    public sealed record Result(
        string Leader,
        string FollowerRole,
        double FollowerReadySeconds,
        string Day,
        int Files,
        int Reports,
        double WriteSeconds,
        DayVisibility Visibility,
        double RemovedSeenSeconds,
        IReadOnlyList<TimedRoute> Routes,
        double Rss,
        double Peak);

    /// <summary>Only with <c>--provider postgres</c>: a second instance on one SQLite file is not a supported topology.</summary>
    public static bool IsConfigured =>
        string.Equals(Environment.GetEnvironmentVariable("OpsConsole__Database__Provider"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<Result> RunAsync(Settings s, Tree tree, AppProcess leader, HttpClient leaderHttp, string device, TimeSpan readyLimit)
    {
        // Its own data folder and log directory (each instance locks its DatabasePath folder), same root, same database.
        var fs = s with { Port = s.Port + 1, Work = Path.Combine(s.Work, "follower") };
        Directory.CreateDirectory(fs.Work);
        using var http = Client(fs.BaseUrl);
        var watch = Stopwatch.StartNew();
        using var follower = AppProcess.Start(fs);
        var ready = await follower.WaitReadyAsync(http, watch, readyLimit);
        var leaderRole = $"127.0.0.1:{s.Port} (pid {leader.Pid}) index_leader={await IsLeaderAsync(leaderHttp)}";
        var followerRole = $"127.0.0.1:{fs.Port} (pid {follower.Pid}) index_leader={await IsLeaderAsync(http)}";
        Console.WriteLine($"follower ready in {ready.TotalSeconds:0.00} s; leader {leaderRole}; follower {followerRole}");

        // Detail links are found before the day is written, so the load starts with the writer.
        var routes = await Routes.AllAsync(http, device);

        // A follower in service has served these pages before: one GET each first, so the table shows indexing's
        // effect rather than this process's first requests (JIT of what ReadyToRun left, the per-version views).
        foreach (var route in routes)
        {
            await Load.GetAsync(http, route);
        }

        var day = new NewDay(tree);
        var timed = new List<TimedRoute>();
        var visibility = new DayVisibility();
        double writeSeconds;
        Task<double>? written = null;
        try
        {
            var since = Stopwatch.StartNew();
            written = Task.Run(day.Write);
            var watched = visibility.WatchAsync(leaderHttp, http, day, written, since, TimeSpan.FromMinutes(10));
            foreach (var route in routes)
            {
                var start = since.Elapsed.TotalSeconds;
                var r = await Load.RunAsync(http, route, s.Clients, s.RequestsPerRoute);
                timed.Add(new TimedRoute(r, start, since.Elapsed.TotalSeconds));
                Console.WriteLine($"follower {route}: p50 {r.P50:0.0} ms, p95 {r.P95:0.0} ms, {r.RequestsPerSecond:0} req/s, {r.Errors} errors, " +
                    $"{start:0.0}–{since.Elapsed.TotalSeconds:0.0} s");
            }

            writeSeconds = await written;
            await watched;
            Console.WriteLine($"new day {day.Day}: {day.Files} files written in {writeSeconds:0.00} s; last report on the leader after {visibility.LeaderLast:0.00} s, " +
                $"on the follower: first {visibility.FollowerFirst:0.00} s, last {visibility.FollowerLast:0.00} s, " +
                $"all {visibility.Listed} listed after {visibility.FollowerComplete:0.00} s");
        }
        finally
        {
            // Never delete under a writer still going (a failed load ends this phase early).
            if (written is not null)
            {
                await Task.WhenAny(written);
            }

            day.Remove();
        }

        // The leader removes the day from the index; waited for (bounded) so the database matches the tree again.
        var removed = day.ReportIds.Count == 0 ? double.NaN : await DayVisibility.WaitGoneAsync(http, day.ReportIds[^1], TimeSpan.FromMinutes(5));
        var (rss, peak) = follower.Memory();
        Console.WriteLine($"new day removed, gone from the follower after {removed:0.00} s; follower working set {rss:0} MiB (peak {peak:0} MiB)");
        follower.Stop();
        return new Result(leaderRole, followerRole, ready.TotalSeconds, day.Day, day.Files, day.ReportIds.Count, writeSeconds,
            visibility, removed, timed, rss, peak);
    }

    private static HttpClient Client(string baseUrl) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary><c>index_leader</c> of <c>/health</c> (true on the instance holding the advisory lock).</summary>
    private static async Task<string> IsLeaderAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("index_leader", out var leader) ? leader.ToString() : "absent";
    }
}

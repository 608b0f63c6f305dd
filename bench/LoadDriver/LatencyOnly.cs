using System.Diagnostics;

namespace OpsConsole.Bench;

/// <summary>
/// The latency measure alone, on the index database already in <c>--work</c> (built first when absent):
/// for comparing one change on a few routes (<c>--only /metrics-board,/artifacts</c>, prefixes of the
/// routes of <see cref="Routes"/>) without the cold starts, warm starts and freshness runs.
/// </summary>
internal static class LatencyOnly
{
    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--only");
        var only = at >= 0 && at + 1 < args.Length ? args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries) : null;
        var s = Settings.Parse(at >= 0 ? [.. args[..at], .. args[Math.Min(args.Length, at + 2)..]] : args);
        Directory.CreateDirectory(s.Work);
        using var http = new HttpClient { BaseAddress = new Uri(s.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var tree = Tree.Describe(s.Root);
        var watch = Stopwatch.StartNew();
        using var app = AppProcess.Start(s);
        var ready = await app.WaitReadyAsync(http, watch, TimeSpan.FromMinutes(30));
        var scanned = await AppProcess.WaitScannedAsync(http, watch, TimeSpan.FromMinutes(30));
        Console.WriteLine($"ready after {ready.TotalSeconds:0.00} s, start-up pass done after {scanned.TotalSeconds:0.00} s; load {LoadAverage()}");
        var (device, _) = tree.Sample(0);
        foreach (var route in (await Routes.AllAsync(http, device)).Where(r => only is null || only.Any(o => r.StartsWith(o, StringComparison.Ordinal))))
        {
            var r = await Load.RunAsync(http, route, s.Clients, s.RequestsPerRoute);
            Console.WriteLine($"{route}: p50 {r.P50:0.0} ms, p95 {r.P95:0.0} ms, {r.RequestsPerSecond:0} req/s, {r.MaxBytes / 1024.0:0.0} KB, {r.Errors} errors");
        }

        var (rss, peak) = app.Memory();
        Console.WriteLine($"working set: {rss:0} MiB (peak {peak:0} MiB); load {LoadAverage()}");
        app.Stop();
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

using System.Diagnostics;

namespace OpsConsole.Bench;

/// <summary>Latency, throughput and page weight of one route under N concurrent clients.</summary>
internal static class Load
{
    public sealed record RouteResult(string Route, int Requests, int Errors, double P50, double P95, double Max, double RequestsPerSecond, long MaxBytes);

    /// <summary>
    /// <paramref name="clients"/> tasks each send <paramref name="requests"/>/<paramref name="clients"/>
    /// GETs back to back (a bounded loop); every response body is read in full.
    /// </summary>
    public static async Task<RouteResult> RunAsync(HttpClient http, string route, int clients, int requests)
    {
        // Warm-up: JIT, Razor compilation, SQLite page cache.
        for (var i = 0; i < 5; i++)
        {
            await GetAsync(http, route);
        }

        var perClient = Math.Max(1, requests / clients);
        var times = new double[perClient * clients];
        var errors = 0;
        long maxBytes = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < perClient; i++)
            {
                var (ms, status, bytes) = await GetAsync(http, route);
                times[(c * perClient) + i] = ms;
                if (status != 200)
                {
                    Interlocked.Increment(ref errors);
                }

                InterlockedMax(ref maxBytes, bytes);
            }
        })));
        wall.Stop();
        Array.Sort(times);
        return new RouteResult(route, times.Length, errors, Percentile(times, 0.50), Percentile(times, 0.95), times[^1],
            times.Length / wall.Elapsed.TotalSeconds, maxBytes);
    }

    public static async Task<(double Ms, int Status, long Bytes)> GetAsync(HttpClient http, string route)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(route, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (watch.Elapsed.TotalMilliseconds, (int)response.StatusCode, body.LongLength);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

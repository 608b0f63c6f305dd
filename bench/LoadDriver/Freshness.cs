using System.Diagnostics;
using System.Text;

namespace OpsConsole.Bench;

/// <summary>
/// Time from an atomic write of one changed compliance report (temp file + rename, as tools should
/// write) until its pages show it. The original file is put back afterwards.
/// </summary>
internal static class Freshness
{
    public sealed record Result(string Path, double DetailSeconds, double DeviceSeconds);

    public static async Task<Result> RunAsync(HttpClient http, string root, string day, string device, long deviceId, int n)
    {
        var rel = $"compliance/{day}/{device}.json";
        var full = Path.Combine(root, rel);
        var original = File.ReadAllBytes(full);
        var id = $"CR-BENCH-{n}-{DateTime.UtcNow:HHmmssfff}-{device}";
        var json = $$$"""
            {"schema":"opsconsole/compliance-report@1","report_id":"{{{id}}}","device":{"id":{{{deviceId}}},"name":"{{{device}}}"},
             "generated_at":"{{{day}}}T23:59:00Z","source":"bench-freshness","status":"divergent",
             "divergences":[{"field":"site","expected":"A","actual":"B","severity":"low"}],"incidents":[],
             "summary":{"checks":10,"passed":9,"failed":1}}
            """;
        var watch = Stopwatch.StartNew();
        WriteAtomically(full, Encoding.UTF8.GetBytes(json));
        try
        {
            var detail = await PollAsync(http, $"/compliance-reports/{Uri.EscapeDataString(id)}", id, watch);
            var deviceSeen = await PollAsync(http, $"/devices/{Uri.EscapeDataString(device)}", id, watch);
            return new Result(rel, detail, deviceSeen);
        }
        finally
        {
            WriteAtomically(full, original);
        }
    }

    /// <summary>Seconds until <paramref name="route"/> answers 200 with <paramref name="marker"/> in it; NaN after 30 s.</summary>
    private static async Task<double> PollAsync(HttpClient http, string route, string marker, Stopwatch since)
    {
        var limit = since.Elapsed + TimeSpan.FromSeconds(30);
        while (since.Elapsed < limit)
        {
            using var response = await http.GetAsync(route);
            if ((int)response.StatusCode == 200 && (await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal))
            {
                return since.Elapsed.TotalSeconds;
            }

            await Task.Delay(20);
        }

        return double.NaN;
    }

    private static void WriteAtomically(string full, byte[] bytes)
    {
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".bench-{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, full, overwrite: true);
    }
}

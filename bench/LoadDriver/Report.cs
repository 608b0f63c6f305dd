using System.Globalization;
using System.Text;

namespace OpsConsole.Bench;

/// <summary>Collects the figures and renders the Markdown table of docs/performance.md.</summary>
internal sealed class Report(Settings settings)
{
    public Tree? Tree { get; set; }
    public string LoadAtStart { get; } = LoadAverage();
    public List<double> Baseline { get; } = [];
    public List<double> Cold { get; } = [];
    public List<double> ColdRatio { get; } = [];
    public List<double> Warm { get; } = [];
    public List<double> WarmScanned { get; } = [];
    public List<Freshness.Result> Freshness { get; } = [];
    public List<Load.RouteResult> Routes { get; } = [];
    public List<(double Seconds, int Rows, int Status)> Export { get; } = [];

    public Load.RouteResult? ExportUnderLoad { get; set; }
    public List<(string Route, int Status, long Bytes)> Weights { get; } = [];
    public List<(double Seconds, int Bytes, int Status)> EvidencePack { get; } = [];
    public double ColdRss { get; set; }
    public double LoadRss { get; set; }
    public double LoadPeak { get; set; }
    public double FinalRss { get; set; }
    public double FinalPeak { get; set; }

    /// <summary>The follower phase (PostgreSQL only); null when it did not run.</summary>
    public Follower.Result? Follower { get; set; }

    public string Render()
    {
        var t = Tree!;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; " +
            $"{t.Files:N0} files ({t.Devices:N0} devices × {t.Days} days); medians of {settings.Reps} runs; {settings.Clients} clients × {settings.RequestsPerRoute} requests per route.");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Load average of the machine (1, 5, 15 min) at the start: {LoadAtStart}; at the end: {LoadAverage()} (other processes included).");
        sb.AppendLine();
        var baseline = Median(Baseline);
        var cold = Median(Cold);
        var coldRate = t.Files / cold;
        var warm = Median(Warm);
        var fresh = Median(Freshness.Select(f => Math.Max(f.DetailSeconds, f.DeviceSeconds)).ToList());
        var exportSeconds = Median(Export.Select(e => e.Seconds).ToList());
        var exportRows = Export.Count == 0 ? 0 : Export.Min(e => e.Rows);
        var pages = Routes.Where(r => !IsCeiling(r.Route)).ToList();
        var worstP95 = pages.Count == 0 ? double.NaN : pages.Max(r => r.P95);
        var heaviest = Weights.Select(w => w.Bytes).Concat(Routes.Select(r => r.MaxBytes)).DefaultIfEmpty(0).Max();
        sb.AppendLine("| Measure | Target | Result | Met |");
        sb.AppendLine("|---|---|---|---|");
        Row(sb, "Raw read + parse baseline (1 process, all cores)", "—", $"{baseline:N0} files/s", null);
        var coldRatio = Median(ColdRatio);
        Row(sb, "Cold start to /health/ready = 200 (empty index)", "≥ 50 % of baseline",
            $"{cold:0.0} s, {coldRate:N0} files/s; median of (cold ÷ baseline run just before) = {coldRatio:P0}", coldRatio >= 0.5);
        Row(sb, "Peak working set during cold start", "≤ 400 MB", $"{ColdRss:0} MiB", ColdRss <= 400);
        Row(sb, "Warm start (index present, nothing changed)", "≤ 2 s", $"{warm:0.00} s", warm <= 2);
        Row(sb, "Warm start: start-up pass (re-check of every file) finished", "—", $"{Median(WarmScanned):0.00} s", null);
        Row(sb, "Changed file visible on its report and device pages", "≤ 1 s", $"{fresh:0.00} s", fresh <= 1);
        Row(sb, $"Worst p95 of the {pages.Count} pages, {settings.Clients} clients", "≤ 50 ms", $"{worstP95:0.0} ms", worstP95 <= 50);
        var live = Routes.FirstOrDefault(r => r.Route == "/health/live");
        var slow = live is null ? [] : pages.Where(r => r.RequestsPerSecond < 0.05 * live.RequestsPerSecond).Select(r => r.Route).ToList();
        Row(sb, "Pages under 5 % of the req/s of /health/live", "none", slow.Count == 0 ? "none" : $"{slow.Count}: {string.Join(", ", slow)}", live is not null && slow.Count == 0);
        Row(sb, "Working set after the load (VmRSS / peak VmHWM)", "≤ 400 MB", $"{LoadRss:0} MiB / {Math.Max(LoadPeak, FinalPeak):0} MiB", Math.Max(LoadPeak, FinalPeak) <= 400);
        var exportP95 = ExportUnderLoad?.P95 ?? double.NaN;
        Row(sb, $"Export of 10,000 rows (CSV), {settings.Clients} clients at once, p95", "≤ 500 ms",
            $"{exportP95:0} ms ({exportRows:N0} rows; one at a time {exportSeconds:0.00} s)", exportP95 <= 500 && exportRows >= 10_000 && ExportUnderLoad?.Errors == 0);
        var packSeconds = Median(EvidencePack.Select(e => e.Seconds).ToList());
        var packOk = EvidencePack.Count > 0 && EvidencePack.All(e => e.Status == 200);
        Row(sb, "Evidence pack of cycle-002 (GET, zip)", "≤ 2 s",
            $"{packSeconds:0.00} s ({(EvidencePack.Count == 0 ? 0 : EvidencePack.Max(e => e.Bytes)) / 1024.0:0.0} KB)", packOk && packSeconds <= 2);
        Row(sb, "Heaviest page", "≤ 200 KB", $"{heaviest / 1024.0:0.0} KB", heaviest <= 200 * 1024);
        sb.AppendLine();
        var ceiling = Routes.FirstOrDefault(r => r.Route == "/health/live");
        sb.AppendLine("| Route | p50 ms | p95 ms | max ms | req/s | req/s vs /health/live | KB | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Routes)
        {
            var ratio = ceiling is null ? "" : $"{r.RequestsPerSecond / ceiling.RequestsPerSecond:P0}";
            sb.AppendLine(CultureInfo.InvariantCulture, $"| `{r.Route}` | {r.P50:0.0} | {r.P95:0.0} | {r.Max:0.0} | {r.RequestsPerSecond:0} | {ratio} | {r.MaxBytes / 1024.0:0.0} | {r.Errors} |");
        }

        sb.AppendLine();
        sb.AppendLine("| Largest page a user can ask for | HTTP | KB |");
        sb.AppendLine("|---|---:|---:|");
        foreach (var (route, status, bytes) in Weights)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| `{route}` | {status} | {bytes / 1024.0:0.0} |");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Single runs — baseline files/s: {Join(Baseline, "N0")}; cold s: {Join(Cold, "0.0")} (ratios {Join(ColdRatio, "P0")}); warm s: {Join(Warm, "0.00")} (pass done {Join(WarmScanned, "0.00")}); " +
            $"freshness s (report page / device page): {string.Join(", ", Freshness.Select(f => $"{f.DetailSeconds:0.00}/{f.DeviceSeconds:0.00}"))}; " +
            $"export s: {Join(Export.Select(e => e.Seconds).ToList(), "0.00")}; evidence pack s: {Join(EvidencePack.Select(e => e.Seconds).ToList(), "0.00")}.");
        if (Follower is not null)
        {
            FollowerTable.Render(sb, Follower, Routes, settings);
        }

        return sb.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static bool IsCeiling(string route) => route is "/health/live" or "/css/site.css";

    private static void Row(StringBuilder sb, string measure, string target, string result, bool? met) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {target} | {result} | {(met is null ? "" : met.Value ? "yes" : "**no**")} |");

    private static string Join(List<double> values, string format) => string.Join(", ", values.Select(v => v.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

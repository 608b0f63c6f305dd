using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpsConsole.Bench;

// Usage: LoadDriver --app bench/out/app/OpsConsole.Web.dll --root /tmp/opsconsole-bench/tree --work /tmp/opsconsole-bench/work
//                   [--port 18890] [--reps 3] [--clients 8] [--requests 400] [--out results.md]
//        LoadDriver latency --app … --root … --work … [--only /metrics-board,/artifacts] [--clients 8] [--requests 400]
// Every loop is bounded; all traffic goes to 127.0.0.1.
// With OpsConsole__Database__Provider=Postgres (run.sh --provider postgres) a follower phase runs last (Follower.cs).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "index")
{
    var o = Settings.Parse(["--app", "-", .. args[1..]]);
    await IndexPass.RunAsync(o.Root, o.Work);
    return 0;
}

if (args.Length > 0 && args[0] == "baseline")
{
    var o = Settings.Parse(["--app", "-", .. args[1..]]);
    var b = Baseline.Run(o.Root, Environment.ProcessorCount);
    Console.WriteLine($"baseline: {b.Files} files in {b.Elapsed.TotalSeconds:0.00} s = {b.FilesPerSecond:0} files/s ({b.Unreadable} unreadable)");
    return 0;
}

if (args.Length > 0 && args[0] == "latency")
{
    // Latency alone, on the index database already in --work (built first when absent): for comparing one
    // change on a few routes (--only /metrics-board,/artifacts) without the cold and warm starts.
    return await LatencyOnly.RunAsync(args[1..]);
}

var s = Settings.Parse(args);
Directory.CreateDirectory(s.Work);
var report = new Report(s);
var readyLimit = TimeSpan.FromMinutes(30);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(s.BaseUrl),
    Timeout = TimeSpan.FromSeconds(60),
};

if (Follower.IsConfigured)
{
    NewDay.RemoveLeftovers(s.Root);
}

var tree = Tree.Describe(s.Root);
report.Tree = tree;
Console.WriteLine($"tree: {tree.Files} files, {tree.Devices} devices, {tree.Days} days (latest {tree.LatestDay})");

// 1+2. Baseline (read + parse every file in one process, all cores) right before each cold start
// (no index database), so each cold start is compared with the raw speed of the same minute.
for (var i = 0; i < s.Reps; i++)
{
    var b = Baseline.Run(s.Root, Environment.ProcessorCount);
    report.Baseline.Add(b.FilesPerSecond);
    Console.WriteLine($"baseline {i + 1}: {b.Files} files in {b.Elapsed.TotalSeconds:0.00} s = {b.FilesPerSecond:0} files/s ({b.Unreadable} unreadable)");
    foreach (var f in new[] { s.DatabasePath, s.DatabasePath + "-wal", s.DatabasePath + "-shm" })
    {
        File.Delete(f);
    }

    PostgresReset.IfConfigured();

    var watch = Stopwatch.StartNew();
    using var app = AppProcess.Start(s);
    var ready = await app.WaitReadyAsync(http, watch, readyLimit);
    report.Cold.Add(ready.TotalSeconds);
    report.ColdRatio.Add(tree.Files / ready.TotalSeconds / b.FilesPerSecond);
    report.ColdRss = Math.Max(report.ColdRss, app.Memory().Peak);
    Console.WriteLine($"cold start {i + 1}: listening after {app.Listening?.TotalSeconds:0.00} s, ready in {ready.TotalSeconds:0.00} s = {tree.Files / ready.TotalSeconds:0} files/s " +
        $"= {tree.Files / ready.TotalSeconds / b.FilesPerSecond:P0} of the baseline just before, peak RSS {app.Memory().Peak:0} MiB");
    app.Stop();
}

// 3. Warm start: the database of the last cold start, nothing changed on disk.
AppProcess? running = null;
for (var i = 0; i < s.Reps; i++)
{
    var watch = Stopwatch.StartNew();
    var app = AppProcess.Start(s);
    var ready = await app.WaitReadyAsync(http, watch, readyLimit);
    report.Warm.Add(ready.TotalSeconds);
    var scanned = await AppProcess.WaitScannedAsync(http, watch, readyLimit);
    report.WarmScanned.Add(scanned.TotalSeconds);
    Console.WriteLine($"warm start {i + 1}: listening after {app.Listening?.TotalSeconds:0.00} s, ready in {ready.TotalSeconds:0.00} s, start-up pass done after {scanned.TotalSeconds:0.00} s");
    if (i < s.Reps - 1)
    {
        app.Dispose();
    }
    else
    {
        running = app;
    }
}

using (running)
{
    // 4. Freshness: one changed compliance report, until its detail page and its device page show it.
    for (var i = 0; i < s.Reps; i++)
    {
        var (name, id) = tree.Sample(i + 1);
        var r = await Freshness.RunAsync(http, s.Root, tree.LatestDay, name, id, i);
        report.Freshness.Add(r);
        Console.WriteLine($"freshness {i + 1}: {r.Path} on its report page after {r.DetailSeconds:0.00} s, on its device page after {r.DeviceSeconds:0.00} s");
        await Task.Delay(1500); // let the restore of the original file settle
    }

    // 5. Latency under load, then the ceiling routes.
    var (device, _) = tree.Sample(0);
    foreach (var route in await Routes.AllAsync(http, device))
    {
        var r = await Load.RunAsync(http, route, s.Clients, s.RequestsPerRoute);
        report.Routes.Add(r);
        Console.WriteLine($"{route}: p50 {r.P50:0.0} ms, p95 {r.P95:0.0} ms, {r.RequestsPerSecond:0} req/s, {r.MaxBytes / 1024.0:0.0} KB, {r.Errors} errors");
    }

    (report.LoadRss, report.LoadPeak) = running!.Memory();
    Console.WriteLine($"working set after load: {report.LoadRss:0} MiB (peak {report.LoadPeak:0} MiB)");

    // 6. Export of 10,000 rows: with every client at once (p95, issue 14: ≤ 500 ms with 8 clients, streamed),
    // then one at a time to count the rows.
    report.ExportUnderLoad = await Load.RunAsync(http, "/compliance-reports?format=csv&size=10000", s.Clients, s.Clients * 5);
    Console.WriteLine($"export, {s.Clients} clients: p50 {report.ExportUnderLoad.P50:0.0} ms, p95 {report.ExportUnderLoad.P95:0.0} ms, {report.ExportUnderLoad.Errors} errors");
    for (var i = 0; i < s.Reps; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync("/compliance-reports?format=csv&size=10000");
        var body = await response.Content.ReadAsStringAsync();
        var rows = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        report.Export.Add((watch.Elapsed.TotalSeconds, rows, (int)response.StatusCode));
        Console.WriteLine($"export {i + 1}: {rows} rows, HTTP {(int)response.StatusCode}, {watch.Elapsed.TotalSeconds:0.00} s");
    }

    // 6b. Evidence pack of the reference cycle (issue 18: builds in under 2 s).
    for (var i = 0; i < s.Reps; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync("/controlled-operation/cycle-002/evidence-pack");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        report.EvidencePack.Add((watch.Elapsed.TotalSeconds, bytes.Length, (int)response.StatusCode));
        Console.WriteLine($"evidence pack {i + 1}: {bytes.Length / 1024.0:0.0} KB, HTTP {(int)response.StatusCode}, {watch.Elapsed.TotalSeconds:0.00} s");
    }

    // 7. Page weight of the largest pages a user can ask for (biggest page size).
    foreach (var route in new[] { "/devices?size=200", "/compliance-reports?size=200", "/artifacts?size=200", "/approval-queue?size=200", "/incidents?size=200" })
    {
        var (_, status, bytes) = await Load.GetAsync(http, route);
        report.Weights.Add((route, status, bytes));
        Console.WriteLine($"weight {route}: HTTP {status}, {bytes / 1024.0:0.0} KB");
    }

    (report.FinalRss, report.FinalPeak) = running.Memory();

    // 8. PostgreSQL only (issue 15): a follower on port + 1 under the same load while this leader indexes a new day.
    if (Follower.IsConfigured)
    {
        report.Follower = await Follower.RunAsync(s, tree, running, http, device, readyLimit);
    }
}

var table = report.Render();
Console.WriteLine();
Console.WriteLine(table);
if (s.Out is not null)
{
    File.WriteAllText(s.Out, table);
}

return 0;

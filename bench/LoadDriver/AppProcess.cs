using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpsConsole.Bench;

/// <summary>The published web app as a child process on a loopback port.</summary>
internal sealed partial class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Pid => _process.Id;

    /// <summary>Time from start until the first HTTP answer of any status (host started, index pass running).</summary>
    public TimeSpan? Listening { get; private set; }

    public static AppProcess Start(Settings s)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(s.AppDll)!,
        };
        foreach (var a in new[]
        {
            s.AppDll,
            $"--OpsConsole:ArtifactRoot={s.Root}",
            $"--OpsConsole:DatabasePath={s.DatabasePath}",
            $"--OpsConsole:AuditPath={Path.Combine(s.Work, "audit", "opsconsole-audit.db")}",
            $"--OpsConsole:LogDirectory={Path.Combine(s.Work, "logs")}",
            $"--Urls={s.BaseUrl}",
        })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // No GC settings here: the app's runtimeconfig says workstation GC (OpsConsole.Web.csproj), as it ships.
        var log = new StreamWriter(Path.Combine(s.Work, "app-console.log"), append: true) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the app");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, log);
    }

    /// <summary>Polls /health/ready every 50 ms until 200; returns the time since <paramref name="since"/>.</summary>
    public async Task<TimeSpan> WaitReadyAsync(HttpClient http, Stopwatch since, TimeSpan limit)
    {
        while (since.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {_process.ExitCode} (see app-console.log)");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                Listening ??= since.Elapsed;
                if ((int)response.StatusCode == 200)
                {
                    return since.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"/health/ready not 200 after {limit}");
    }

    /// <summary>Polls /health until the start-up pass has ended (last_scan_at set); the time since <paramref name="since"/>.</summary>
    public static async Task<TimeSpan> WaitScannedAsync(HttpClient http, Stopwatch since, TimeSpan limit)
    {
        while (since.Elapsed < limit)
        {
            using var response = await http.GetAsync("/health");
            using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (doc.RootElement.TryGetProperty("last_scan_at", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return since.Elapsed;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"start-up pass not finished after {limit}");
    }

    /// <summary>Resident set (VmRSS) and its peak (VmHWM) in MiB, from /proc.</summary>
    public (double Rss, double Peak) Memory()
    {
        double Field(string[] lines, string name) =>
            lines.Where(l => l.StartsWith(name, StringComparison.Ordinal))
                .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024)
                .FirstOrDefault();
        var status = File.ReadAllLines($"/proc/{Pid}/status");
        return (Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    /// <summary>SIGTERM (graceful shutdown, WAL checkpoint), SIGKILL after 20 s.</summary>
    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = Kill(_process.Id, 15);
        if (!_process.WaitForExit(20_000))
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        _log.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpsConsole.ScaleOut.Tests.Support;

/// <summary>
/// One console instance as a real process (<c>dotnet OpsConsole.Web.dll</c>) on a free loopback port, on the
/// shared PostgreSQL database and a shared artifact root, with its own data folder (logs, folder lock).
/// </summary>
internal sealed class ConsoleInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ConsoleInstance(Process process, string url)
    {
        _process = process;
        Url = url;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ConsoleInstance Start(string root, string data, string connectionString)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Paths.WebProject,
        };
        foreach (var arg in new[]
        {
            Paths.WebDll, "--contentRoot", Paths.WebProject, "--Urls=" + url,
            "--OpsConsole:ArtifactRoot=" + root,
            "--OpsConsole:DatabasePath=" + Path.Combine(data, "opsconsole.db"),
            "--OpsConsole:LogDirectory=" + Path.Combine(data, "logs"),
            "--OpsConsole:Engagement:WritesPerMinute=1000",
        })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        // The provider settings as an operator sets them: environment variables.
        info.Environment["OpsConsole__Database__Provider"] = "Postgres";
        // Two instances under a burst of 100 requests must stay below the server's max_connections (100 in a
        // default cluster): the sizing rule of docs/scale-out.md, instances × pool size < max_connections; on this
        // shared 2-core machine a request may wait for a pooled connection longer than the 15 s default.
        info.Environment["OpsConsole__Database__ConnectionString"] = connectionString.Length == 0 ? "" : connectionString + ";Maximum Pool Size=30;Timeout=60";
        return new ConsoleInstance(Process.Start(info)!, url);
    }

    /// <summary>Waits (bounded) until <c>/health/ready</c> answers 200; fails with the app's output otherwise.</summary>
    public async Task WaitReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 600; i++)
        {
            Assert.False(_process.HasExited, "the instance exited during start-up:\n" + Output);
            try
            {
                if ((await client.GetAsync(Url + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("the instance was not ready within 120 s:\n" + Output);
    }

    /// <summary>Kills the process with SIGKILL: no shutdown code runs, as when a machine dies or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits (bounded) for the process to end by itself; returns its exit code, or null when it did not end.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

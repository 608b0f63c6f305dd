using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpsConsole.Deploy.Tests.Support;

/// <summary>
/// The published web app from the unpacked tarball, run as the unit runs it (<c>/usr/bin/dotnet
/// web/OpsConsole.Web.dll</c>), on a free loopback port against a private copy of the demo tree.
/// </summary>
internal sealed class PublishedConsole : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PublishedConsole(Process process, string url)
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

    /// <summary>Starts the app; <paramref name="root"/> is the artifact root, <paramref name="data"/> the data folder.</summary>
    public static PublishedConsole Start(string release, string root, string data, params string[] settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var web = Path.Combine(release, "web");
        var info = new ProcessStartInfo("/usr/bin/dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = web,
        };
        foreach (var arg in new[]
        {
            Path.Combine(web, "OpsConsole.Web.dll"), "--contentRoot", web, "--Urls=" + url,
            "--OpsConsole:ArtifactRoot=" + root, "--OpsConsole:DatabasePath=" + Path.Combine(data, "opsconsole.db"),
            "--OpsConsole:LogDirectory=" + Path.Combine(data, "logs"),
        }.Concat(settings))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return new PublishedConsole(Process.Start(info)!, url);
    }

    /// <summary>Waits (bounded) until <c>/health/ready</c> answers 200; fails with the app's output otherwise.</summary>
    public async Task WaitReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 600; i++)
        {
            Assert.False(_process.HasExited, "the published app exited during start-up:\n" + Output);
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

        Assert.Fail("the published app was not ready within 120 s:\n" + Output);
    }

    /// <summary>Sends SIGTERM, as systemd's stop does, and returns the exit code (null when it outlived <paramref name="limit"/>).</summary>
    public async Task<int?> TerminateAsync(TimeSpan limit)
    {
        var kill = await Tool.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        Assert.True(kill.ExitCode == 0, kill.All);
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

    /// <summary>Waits (bounded) for the process to end by itself; returns its exit code.</summary>
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

using System.Diagnostics;

namespace OpsConsole.Deploy.Tests.Support;

/// <summary>The outcome of a finished command.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>
/// Runs an external tool (systemd-analyze, promtool, bash). A missing tool fails the test with the
/// install hint: these tests never skip, because a skipped deploy check looks like a passed one.
/// </summary>
internal static class Tool
{
    public static async Task<ToolResult> RunAsync(string file, IEnumerable<string> args, TimeSpan limit, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Require(file))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {limit}");
        }

        return new ToolResult(process.ExitCode, await output, await error);
    }

    /// <summary>The full path of <paramref name="file"/> on PATH, or a failed assertion naming the package.</summary>
    public static string Require(string file)
    {
        if (Path.IsPathRooted(file))
        {
            return file;
        }

        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"{file} is not installed; scripts/test.sh installs it (Debian package: {PackageOf(file)})");
        return found!;
    }

    private static string PackageOf(string file) => file switch
    {
        "systemd-analyze" => "systemd",
        "promtool" => "prometheus",
        _ => file,
    };
}

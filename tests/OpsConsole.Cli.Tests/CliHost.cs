using System.Diagnostics;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;
using OpsConsole.Tests.Fixtures;

// Commands share static option objects and the machine has two cores: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace OpsConsole.Cli.Tests;

/// <summary>What a command printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs the CLI against a fixture tree, in-process or as a real process.</summary>
internal static class CliHost
{
    /// <summary>Runs the same command tree Program.cs runs, with --root and --db pointing into the fixture.</summary>
    public static async Task<CliRun> RunAsync(FixtureTree tree, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliRunner.RunAsync(CliApp.BuildRoot(), [.. args, "--root", tree.Root, "--db", tree.DatabasePath, "--audit-db", tree.AuditPath], output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>dotnet opsconsole.dll ...</c> as its own process.</summary>
    public static Process Start(FixtureTree tree, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliAssembly);
        foreach (var arg in args.Concat(["--root", tree.Root, "--db", tree.DatabasePath, "--audit-db", tree.AuditPath]))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Waits for a started process and collects its output.</summary>
    public static async Task<CliRun> FinishAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await output, await error);
    }

    /// <summary>The built CLI: next to the test assembly (copied with its runtimeconfig), else the CLI project's output.</summary>
    public static string CliAssembly
    {
        get
        {
            var here = Path.Combine(AppContext.BaseDirectory, "opsconsole.dll");
            if (File.Exists(here) && File.Exists(Path.Combine(AppContext.BaseDirectory, "opsconsole.runtimeconfig.json")))
            {
                return here;
            }

            // tests/OpsConsole.Cli.Tests/bin/<config>/<tfm>/ -> src/OpsConsole.Cli/bin/<config>/<tfm>/opsconsole.dll
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var config = tfm.Parent!;
            var repo = config.Parent!.Parent!.Parent!.Parent!;
            var built = Path.Combine(repo.FullName, "src", "OpsConsole.Cli", "bin", config.Name, tfm.Name, "opsconsole.dll");
            return File.Exists(built) ? built : throw new FileNotFoundException("opsconsole.dll not found next to the tests or in the CLI project's output", built);
        }
    }

    /// <summary>The audit events the commands recorded in the fixture's audit store, in chain order.</summary>
    public static List<AuditEvent> AuditEvents(FixtureTree tree) => new SqliteAuditStore(tree.AuditPath).ReadChain().ToList();

    /// <summary>The indexed paths under approvals/.</summary>
    public static List<string> IndexedApprovals(FixtureTree tree)
    {
        using var db = new IndexDbContext(IndexDbContext.OptionsFor(tree.DatabasePath));
        return db.Artifacts.Where(a => a.Path.StartsWith("approvals/")).Select(a => a.Path).OrderBy(p => p).ToList();
    }
}

using System.CommandLine;
using System.Globalization;
using OpsConsole.Demo;

namespace OpsConsole.Cli.Commands;

/// <summary><c>opsconsole demo generate</c>: writes a deterministic demo artifact tree.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var devices = new Option<int>("--devices") { Description = "Number of devices (at least 25).", DefaultValueFactory = _ => 25 };
        var days = new Option<int>("--days") { Description = "Days of daily compliance reports.", DefaultValueFactory = _ => 14 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder (the artifact root to create).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same bytes.", DefaultValueFactory = _ => 2026 };
        var endDate = new Option<string>("--end-date")
        {
            Description = "Last day of the demo (YYYY-MM-DD); every time is relative to it.",
            DefaultValueFactory = _ => DemoClock.Iso(DemoOptions.DefaultEndDate),
        };
        var force = new Option<bool>("--force") { Description = "Write into a non-empty folder (replaces the artifact layout entries in it)." };

        var generate = new Command("generate", "Write a demo artifact tree: inventory, compliance, approvals, batches, incidents, engagement, executions, operations, handoff.")
        {
            devices, days, output, seed, endDate, force,
        };
        generate.SetAction((parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!DateOnly.TryParseExact(parse.GetValue(endDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                stderr.WriteLine($"error: --end-date \"{parse.GetValue(endDate)}\" is not a date in YYYY-MM-DD form");
                return Task.FromResult(CliRunner.Error);
            }

            var options = new DemoOptions(parse.GetValue(devices), parse.GetValue(days), parse.GetValue(output)!.FullName, parse.GetValue(seed), end);
            if (options.Problem is { } problem)
            {
                stderr.WriteLine($"error: {problem}");
                return Task.FromResult(CliRunner.Error);
            }

            if (DemoGenerator.IsNonEmpty(options.OutputDir) && !parse.GetValue(force))
            {
                stderr.WriteLine($"refused: {options.OutputDir} is not empty; pass --force to replace the demo layout in it");
                return Task.FromResult(CliRunner.Failure);
            }

            var summary = DemoGenerator.Generate(options);
            stdout.WriteLine($"wrote {summary.Files} files ({summary.Bytes / 1024.0 / 1024.0:0.0} MiB) to {summary.Root} in {summary.Elapsed.TotalSeconds:0.00}s");
            stdout.WriteLine($"  devices {options.Devices}, days {options.Days} (to {DemoClock.Iso(end)}), seed {options.Seed}");
            foreach (var (kind, count) in summary.Counts)
            {
                stdout.WriteLine($"  {kind,-22} {count,8}");
            }

            return Task.FromResult(0);
        });

        return new Command("demo", "Demo data for trying the console and for benchmarks.") { generate };
    }
}

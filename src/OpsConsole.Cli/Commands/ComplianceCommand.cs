using System.CommandLine;
using System.Globalization;
using OpsConsole.Core.Archive;

namespace OpsConsole.Cli.Commands;

/// <summary><c>opsconsole compliance …</c>: the compliance routines of the runbook that change files (review marks, archive).</summary>
internal static class ComplianceCommand
{
    public static Command Create()
    {
        var command = new Command("compliance", "Compliance routines: mark a run reviewed, archive old runs.");
        command.Add(ComplianceReviewCommand.Create());
        command.Add(CreateArchive());
        return command;
    }

    private static Command CreateArchive()
    {
        var before = new Option<string>("--before") { Description = "Archive the runs of days before this date (YYYY-MM-DD, exclusive).", Required = true };
        var dryRun = ArchiveRun.DryRunOption();
        var command = new Command("archive",
            "Move the compliance runs of days before --before into archive/compliance/<day>.zip (one checksummed bundle per day). Refused while a stop condition names a report it would move.")
        {
            before, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetRequiredValue(before);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: --before must be a date YYYY-MM-DD, not '{text}'");
                return CliRunner.Error;
            }

            return await ArchiveRun.RunAsync(parse, parse.GetValue(dryRun), ArchiveLayout.Compliance, "archive.compliance", $"compliance before {text}",
                services => ArchiveCandidates.ComplianceBefore(services.Store.Root, date), ct);
        });
        return command;
    }
}

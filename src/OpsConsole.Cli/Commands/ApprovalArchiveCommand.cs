using System.CommandLine;
using OpsConsole.Core.Archive;

namespace OpsConsole.Cli.Commands;

/// <summary><c>opsconsole approval archive --state applied|rejected|expired --older-than DAYS</c>: decided records into monthly bundles.</summary>
internal static class ApprovalArchiveCommand
{
    public static Command Create()
    {
        var state = new Option<string>("--state") { Description = "Archive records in this decided state.", Required = true };
        state.AcceptOnlyFromAmong([.. ArchiveCandidates.DecidedStates]);
        var olderThan = new Option<int>("--older-than") { Description = "Only records that reached the state more than this many days ago.", Required = true };
        var dryRun = ArchiveRun.DryRunOption();
        var command = new Command("archive",
            "Move decided approvals into archive/approvals/<month of the decision>.zip (checksummed, with a manifest). Refused while a stop condition names a record it would move.")
        {
            state, olderThan, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            var days = parse.GetValue(olderThan);
            if (days < 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: --older-than must be 0 or more days");
                return CliRunner.Error;
            }

            var which = parse.GetRequiredValue(state);
            return await ArchiveRun.RunAsync(parse, parse.GetValue(dryRun), ArchiveLayout.Approvals, "archive.approvals", $"approvals {which} older than {days} days",
                services => ArchiveCandidates.ApprovalsOlderThan(services.Store, which, days, DateTimeOffset.UtcNow), ct);
        });
        return command;
    }
}

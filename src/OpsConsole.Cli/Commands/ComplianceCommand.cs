using System.CommandLine;

namespace OpsConsole.Cli.Commands;

/// <summary><c>opsconsole compliance ...</c>: the daily compliance review (marking a run reviewed).</summary>
internal static class ComplianceCommand
{
    public static Command Create()
    {
        var command = new Command("compliance", "Work with compliance runs: mark a run reviewed.");
        command.Add(ComplianceReviewCommand.Create());
        return command;
    }
}

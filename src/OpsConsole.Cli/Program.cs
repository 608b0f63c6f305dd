using System.CommandLine;
using OpsConsole.Cli;
using OpsConsole.Cli.Commands;

// The CLI is the only place decisions are taken (approvals); the web console never writes them.
var root = new RootCommand("OpsConsole command line: index the artifact root, decide approvals, check stop conditions.")
{
    CliContext.RootOption,
    CliContext.DatabaseOption,
    CliContext.VerboseOption,
};
root.Add(IndexCommand.Create());
root.Add(DemoCommand.Create());

return await CliRunner.RunAsync(root, args);

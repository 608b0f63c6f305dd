using System.CommandLine;
using OpsConsole.Cli.Commands;

namespace OpsConsole.Cli;

/// <summary>The command tree, built in one place so Program.cs and the in-process tests run the same CLI.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot()
    {
        // The CLI is the only place decisions are taken (approvals); the web console never writes them.
        var root = new RootCommand("OpsConsole command line: index the artifact root, decide approvals, mark compliance runs reviewed, check stop conditions.")
        {
            CliContext.RootOption,
            CliContext.DatabaseOption,
            CliContext.AuditOption,
            CliSettings.ConfigOption,
            CliContext.VerboseOption,
        };
        root.Add(IndexCommand.Create());
        root.Add(ApprovalCommand.Create());
        root.Add(ComplianceCommand.Create());
        root.Add(ValidateCommand.Create());
        root.Add(CheckCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(EvidencePackCommand.Create());
        root.Add(AuditCommand.Create());
        root.Add(BackupCommand.Create());
        root.Add(RestoreCommand.Create());
        root.Add(ArchiveCommand.Create());
        return root;
    }
}

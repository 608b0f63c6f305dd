using System.CommandLine;
using OpsConsole.Core.Backup;

namespace OpsConsole.Cli.Commands;

/// <summary>
/// <c>opsconsole backup --out FILE</c>: an archive of what the artifacts cannot rebuild (the audit trail,
/// engagement answers, validations and finalized markers), with a SHA-256 manifest. Audited.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var outOption = new Option<FileInfo>("--out") { Description = "The archive to write (.zip); it must not exist yet.", Required = true };
        var command = new Command("backup", "Back up the audit trail and the engagement answers (the index is rebuilt, not backed up).")
        {
            outOption,
        };
        command.SetAction(parse =>
        {
            using var services = CliContext.Open(parse);
            var file = parse.GetValue(outOption)!.FullName;
            var result = BackupArchive.Create(services.AuditStore, services.Store.Root, file, TimeProvider.System);
            var files = result.Manifest.Entries.Count - 1;
            var audit = result.Manifest.Audit;
            services.Audit.Record("backup", CliContext.Actor, file, CliContext.Source, "ok",
                $"{audit.Events} audit events (chain {(audit.ChainIntact ? "intact" : "broken")}), {files} engagement files; archive sha256 {result.ArchiveSha256}");
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"wrote {file}");
            output.WriteLine($"  audit trail: {audit.Events} events, head {audit.HeadId} {audit.HeadHash}, chain {(audit.ChainIntact ? "intact" : "BROKEN")}");
            output.WriteLine($"  engagement files: {files}");
            output.WriteLine($"  archive sha256: {result.ArchiveSha256}");
            return audit.ChainIntact ? 0 : CliRunner.Failure;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Backup;

namespace OpsConsole.Cli.Commands;

/// <summary>
/// <c>opsconsole restore FILE [--force]</c>: verifies the archive against its manifest first (a damaged
/// archive is refused), then restores the audit trail and engagement files. Data that differs from the
/// backup is never overwritten silently: the command lists it and stops unless <c>--force</c>. Audited.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var fileArgument = new Argument<FileInfo>("file") { Description = "A backup archive written by 'opsconsole backup'." };
        var forceOption = new Option<bool>("--force") { Description = "Overwrite data that differs from the backup (the replaced audit trail is kept as a copy)." };
        var command = new Command("restore", "Restore the audit trail and engagement answers from a backup (exit 0 restored, 1 refused, 2 error).")
        {
            fileArgument,
            forceOption,
        };
        command.SetAction(parse =>
        {
            using var services = CliContext.Open(parse);
            var file = parse.GetValue(fileArgument)!.FullName;
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            BackupRestore backup;
            try
            {
                backup = BackupRestore.Open(file);
            }
            catch (BackupDamagedException ex)
            {
                services.Audit.Record("restore", CliContext.Actor, file, CliContext.Source, "refused", ex.Message);
                error.WriteLine($"refused: {ex.Message}; nothing was restored");
                return CliRunner.Failure;
            }

            using (backup)
            {
                var plan = backup.Plan(services.AuditStore, services.Store.Root);
                var replaced = plan.Where(i => i.Action == RestoreAction.Replace).ToList();
                foreach (var item in plan)
                {
                    output.WriteLine($"  {item.Action.ToString().ToLowerInvariant(),-9} {item.What}: {item.Detail}");
                }

                if (replaced.Count > 0 && !parse.GetValue(forceOption))
                {
                    var what = string.Join("; ", replaced.Select(r => $"{r.What} ({r.Detail})"));
                    services.Audit.Record("restore", CliContext.Actor, file, CliContext.Source, "refused", $"would replace: {what}");
                    error.WriteLine($"refused: restoring would replace {replaced.Count} item(s) that differ from the backup (listed above as 'replace'); nothing was restored. Run again with --force to overwrite them.");
                    return CliRunner.Failure;
                }

                // The shared PostgreSQL trail has no file to keep beside it; its ReplaceWith refuses (pg_restore instead).
                var auditFile = (services.AuditStore as SqliteAuditStore)?.DatabasePath ?? Path.GetFullPath("audit");
                var keep = $"{auditFile}.before-restore-{DateTimeOffset.UtcNow.ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture)}.db";
                backup.Apply(plan, services.AuditStore, services.Store.Root, keep);
                var written = plan.Count(i => i.Action != RestoreAction.Unchanged);

                // Recorded in the restored trail, chained after its last event.
                services.Audit.Record("restore", CliContext.Actor, file, CliContext.Source, "ok",
                    $"backup of {backup.Manifest.CreatedAt:O}: {backup.Manifest.Audit.Events} audit events, {written} item(s) written"
                    + (replaced.Count > 0 ? $"; forced over: {string.Join("; ", replaced.Select(r => r.What))}" : ""));
                output.WriteLine($"restored {written} item(s) from {file}");
                if (replaced.Any(r => r.What == BackupRestore.AuditTrail))
                {
                    output.WriteLine($"  the replaced audit trail was kept as {keep}");
                }

                output.WriteLine("  the index is rebuilt from the files (run 'opsconsole index' or let the web app's next pass do it)");
                return 0;
            }
        });
        return command;
    }
}

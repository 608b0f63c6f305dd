using System.CommandLine;
using OpsConsole.Core.Archive;

namespace OpsConsole.Cli.Commands;

/// <summary><c>opsconsole archive list|verify|restore</c>: the bundles under <c>archive/</c>.</summary>
internal static class ArchiveCommand
{
    public static Command Create()
    {
        var command = new Command("archive", "List, verify and restore the archive bundles (archive/compliance, archive/approvals).");
        command.Add(CreateList());
        command.Add(CreateVerify());
        command.Add(CreateRestore());
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "List the bundles: path, kind, period, entries, created, and whether each reads.");
        command.SetAction(async (parse, ct) =>
        {
            var root = CliContext.ResolveRoot(parse);
            var snapshot = new ArchivedRecords(Core.Storage.SafePath.Canonicalize(root)).Current();
            foreach (var bundle in snapshot.Bundles)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(ArchiveOutput.Line(bundle));
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"{snapshot.Bundles.Count} bundle(s); {snapshot.ReportCount} archived report(s) over {snapshot.ReportsPerDay.Count} day(s); {snapshot.Approvals.Count} archived approval(s); {snapshot.UnreadableCount} unreadable");
            return 0;
        });
        return command;
    }

    private static Command CreateVerify()
    {
        var bundle = new Argument<string?>("BUNDLE") { Description = "A bundle path (archive/compliance/2026-01-01.zip) or id (compliance-2026-01-01); all bundles when left out.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify", "Check bundles: sidecar checksum, manifest, and every entry's SHA-256 (exit 0 all good, 1 a bad bundle).") { bundle };
        command.SetAction(async (parse, ct) =>
        {
            var root = Core.Storage.SafePath.Canonicalize(CliContext.ResolveRoot(parse));
            var wanted = parse.GetValue(bundle);
            IReadOnlyList<BundleName> names;
            if (wanted is null)
            {
                names = ArchiveCatalogue.Names(root);
            }
            else if (ArchiveLayout.TryParse(wanted, out var one) || ArchiveLayout.TryParseId(wanted, out one))
            {
                if (!File.Exists(Path.Join(root, one.Path)))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"error: no bundle {one.Path}");
                    return CliRunner.Failure;
                }

                names = [one];
            }
            else
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {wanted} is not a bundle path or id");
                return CliRunner.Error;
            }

            var bad = 0;
            foreach (var name in names)
            {
                var check = ArchiveCatalogue.Check(root, name, verifyEntries: true);
                await parse.InvocationConfiguration.Output.WriteLineAsync(check.IsReadable
                    ? $"{name.Path}: ok ({check.Manifest!.Entries.Count} entries, sha256 {check.Sha256})"
                    : $"{name.Path}: unreadable: {check.Problem}");
                bad += check.IsReadable ? 0 : 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"{names.Count} bundle(s) checked, {bad} bad");
            return bad == 0 ? 0 : CliRunner.Failure;
        });
        return command;
    }

    private static Command CreateRestore()
    {
        var bundle = new Argument<string>("BUNDLE") { Description = "A bundle path (archive/compliance/2026-01-01.zip) or id (compliance-2026-01-01)." };
        var command = new Command("restore",
            "Put a bundle's files back byte for byte (refused, nothing written, when the bundle does not verify or a file in place differs); the bundle then moves to archive/restored/.")
        {
            bundle,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliContext.Open(parse);
            var wanted = parse.GetRequiredValue(bundle);
            var outcome = ArchiveRestore.Restore(services.Store.Root, wanted);
            if (outcome.Refusal is { } refusal)
            {
                services.Audit.Record("archive.restore", CliContext.Actor, Shorten(wanted), CliContext.Source, "refused", refusal);
                await parse.InvocationConfiguration.Error.WriteLineAsync($"refused: restore {wanted}: {refusal}");
                return CliRunner.Failure;
            }

            await services.Indexer.RefreshAsync([.. outcome.Restored, outcome.Bundle!.Value.Path, outcome.Bundle.Value.SidecarPath, outcome.MovedTo!, outcome.MovedTo + ".sha256"], ct);
            services.Audit.Record("archive.restore", CliContext.Actor, wanted, CliContext.Source, "ok",
                $"restored {outcome.Restored.Count}; already in place {outcome.AlreadyInPlace.Count}; bundle kept as {outcome.MovedTo}");
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"restored {outcome.Restored.Count} file(s); {outcome.AlreadyInPlace.Count} already in place; bundle kept as {outcome.MovedTo}");
            return 0;
        });
        return command;
    }

    private static string Shorten(string value) => value.Length > 120 ? value[..120] + "…" : value;
}

using System.CommandLine;
using System.Globalization;
using OpsConsole.Core.Operations;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;

namespace OpsConsole.Cli.Commands;

/// <summary>
/// <c>opsconsole evidence-pack CYCLE --out FILE.zip</c> builds a cycle's evidence pack (the same builder as
/// the web's <c>/controlled-operation/{cycle}/evidence-pack</c>); <c>opsconsole evidence-pack verify FILE.zip</c>
/// checks one: exit 0 intact, 1 an entry differs, is missing or was added (each named), 2 error.
/// </summary>
internal static class EvidencePackCommand
{
    public static Command Create()
    {
        // CYCLE and --out are checked in the action, not by the parser, so that "verify" needs neither.
        var cycle = new Argument<string?>("CYCLE") { Description = "Cycle id (the folder under operations/), e.g. cycle-002.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the zip (e.g. evidence-pack-cycle-002.zip)." };
        var culture = new Option<string>("--culture")
        {
            Description = "Language of SUMMARY.md: en or pt-BR.",
            DefaultValueFactory = _ => EvidencePackText.English,
        };
        culture.AcceptOnlyFromAmong(EvidencePackText.English, EvidencePackText.Portuguese);
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Export time written into the pack, ISO-8601 with offset (default: the newest change of the indexed artifacts, so unchanged artifacts give the same bytes).",
        };
        var command = new Command("evidence-pack",
            "Build the evidence pack of a controlled-operation cycle: cycle and gate files, cited evidence (quarantined files withheld), "
            + "the evaluated ladder, stop conditions, SUMMARY.md and manifest.json with the SHA-256 of every entry.")
        {
            cycle, output, culture, asOf,
        };
        command.Add(CreateVerify());
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var id = parse.GetValue(cycle);
            var file = parse.GetValue(output);
            if (id is null || file is null)
            {
                await error.WriteLineAsync("error: give a cycle and --out, e.g. opsconsole evidence-pack cycle-002 --out pack.zip");
                return CliRunner.Error;
            }

            DateTimeOffset? given = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await error.WriteLineAsync($"error: --as-of \"{text}\" is not an ISO-8601 time such as 2026-11-21T06:00:00-03:00");
                    return CliRunner.Error;
                }

                given = parsed;
            }

            using var services = CliContext.Open(parse);
            await services.Indexer.FullPassAsync(ct);
            if (!services.State.RootAvailable)
            {
                await error.WriteLineAsync($"error: the artifact root {services.Store.Root} cannot be listed");
                return CliRunner.Error;
            }

            DateTimeOffset defaultAsOf;
            using (var db = services.CreateDb())
            {
                defaultAsOf = EvidencePackAsOf.NewestIndexedChange(db);
            }

            // Timed from here: the index pass before it is the same as `opsconsole check`'s.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var stops = new StopConditionEvaluator(services.CreateDb, services.State, services.Store).Evaluate();
            var pack = new EvidencePackBuilder(services.Store).Build(new EvidencePackRequest
            {
                CycleId = id,
                AsOf = given ?? defaultAsOf,
                AsOfGiven = given is not null,
                Culture = parse.GetValue(culture)!,
                StopConditions = stops,
            });
            if (pack is null)
            {
                services.Audit.Record("evidence-pack", CliContext.Actor, SecretRedactor.Redact(Shorten(id)), CliContext.Source, "refused", "no such cycle");
                await error.WriteLineAsync($"error: no cycle {SecretRedactor.Redact(Shorten(id))} (operations/<cycle>/cycle.json) under {services.Store.Root}");
                return CliRunner.Error;
            }

            await File.WriteAllBytesAsync(file.FullName, pack.Bytes, ct);
            services.Audit.Record("evidence-pack", CliContext.Actor, pack.CycleId, CliContext.Source, "ok", pack.AuditDetail);
            var o = parse.InvocationConfiguration.Output;
            await o.WriteLineAsync($"wrote {file.FullName}: {pack.Entries.Count + 1} entries, {pack.Bytes.Length} bytes, sha256 {pack.Sha256} "
                + $"(stop conditions and pack in {watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s)");
            await o.WriteLineAsync($"ladder {pack.Ladder.OverallStatus}; stop conditions {stops.State}");
            foreach (var f in pack.NotIncluded)
            {
                await o.WriteLineAsync($"{f.State}: {f.Path} ({f.ReasonCode}{(f.Detail is null ? "" : ": " + f.Detail)})");
            }

            return 0;
        });
        return command;
    }

    private static Command CreateVerify()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The evidence pack (zip) to check." };
        var command = new Command("verify", "Check an evidence pack against its manifest (exit 0 intact, 1 an entry changed, missing or added, 2 error).") { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var o = parse.InvocationConfiguration.Output;
            if (!path.Exists)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {path.FullName} does not exist");
                return CliRunner.Error;
            }

            EvidencePackVerification result;
            await using (var stream = path.OpenRead())
            {
                result = EvidencePackVerifier.Verify(stream);
            }

            if (result.Error is { } problem)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {path.Name}: {problem}");
                return CliRunner.Error;
            }

            foreach (var p in result.Problems)
            {
                await o.WriteLineAsync($"MISMATCH {p.Entry}: {p.Problem}");
            }

            await o.WriteLineAsync(result.IsIntact
                ? $"ok: {path.Name}: all {result.Checked} entries match the manifest"
                : $"{path.Name}: {result.Problems.Count} entr{(result.Problems.Count == 1 ? "y does" : "ies do")} not match the manifest");
            return result.IsIntact ? 0 : CliRunner.Failure;
        });
        return command;
    }

    private static string Shorten(string value)
    {
        var clean = new string([.. value.Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length > 80 ? clean[..80] + "…" : clean;
    }
}

using OpsConsole.Core.Archive;

namespace OpsConsole.Cli.Commands;

/// <summary>How archive commands print plans, outcomes and bundles (through the redacting writers).</summary>
internal static class ArchiveOutput
{
    public static async Task WritePlanAsync(TextWriter output, TextWriter error, ArchivePlan plan, bool dryRun)
    {
        var verb = dryRun ? "would move" : "moving";
        foreach (var period in plan.Periods)
        {
            if (period.ToBundle.Count > 0)
            {
                await output.WriteLineAsync($"{plan.Kind} {period.Period}: {verb} {period.ToBundle.Count} file(s) into {period.NewBundle!.Value.Path}");
                if (dryRun)
                {
                    foreach (var path in period.ToBundle)
                    {
                        await output.WriteLineAsync($"  {path}");
                    }
                }
            }

            if (period.AlreadyArchived.Count > 0)
            {
                await output.WriteLineAsync($"{plan.Kind} {period.Period}: {period.AlreadyArchived.Count} file(s) already in a complete bundle, {(dryRun ? "would be removed" : "removing")} (recovery)");
            }

            foreach (var left in period.Left)
            {
                await error.WriteLineAsync($"left in place: {left.Path}: {left.Reason}");
            }
        }

        foreach (var bad in plan.Unreadable)
        {
            await error.WriteLineAsync($"warning: {bad.Path}: {bad.Reason}");
        }

        if (plan.IsEmpty)
        {
            await output.WriteLineAsync($"{plan.Kind}: nothing to archive");
        }
    }

    /// <summary>Prints what a run did; exit 1 when a file was left in place (someone should look), else 0.</summary>
    public static async Task<int> WriteOutcomeAsync(TextWriter output, TextWriter error, ArchiveOutcome outcome)
    {
        foreach (var bundle in outcome.Bundles)
        {
            await output.WriteLineAsync($"wrote {bundle}");
        }

        await output.WriteLineAsync($"moved {outcome.Moved.Count} file(s); recovered {outcome.Recovered.Count}; left in place {outcome.Left.Count}");
        foreach (var left in outcome.Left)
        {
            await error.WriteLineAsync($"left in place: {left.Path}: {left.Reason}");
        }

        return outcome.Left.Count == 0 ? 0 : CliRunner.Failure;
    }

    public static string Line(ArchivedBundle bundle) => bundle.IsReadable
        ? $"{bundle.Name.Path}\t{bundle.Name.Kind}\t{bundle.Name.Period}\t{bundle.EntryCount} entries\t{bundle.CreatedAt:yyyy-MM-ddTHH:mm:ssK}\tok"
        : $"{bundle.Name.Path}\t{bundle.Name.Kind}\t{bundle.Name.Period}\t-\t-\tunreadable: {bundle.Problem}";
}

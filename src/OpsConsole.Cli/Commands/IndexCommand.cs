using System.CommandLine;

namespace OpsConsole.Cli.Commands;

/// <summary><c>opsconsole index</c>: builds or refreshes the SQLite index of the artifact root.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var command = new Command("index", "Build or refresh the index of the artifact root (only changed files are re-read).");
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliContext.Open(parse);
            var result = await services.Indexer.FullPassAsync(ct);
            services.Audit.Record("index.rebuild", CliContext.Actor, services.Store.Root, CliContext.Source, "ok",
                $"seen {result.Seen}, added {result.Added}, updated {result.Updated}, removed {result.Removed}, unreadable {result.Unreadable}");
            parse.InvocationConfiguration.Output.WriteLine(
                $"indexed {result.Seen} files in {result.Elapsed.TotalSeconds:0.00}s: {result.Added} added, {result.Updated} updated, {result.Removed} removed, {result.Unreadable} unreadable");
            return 0;
        });
        return command;
    }
}

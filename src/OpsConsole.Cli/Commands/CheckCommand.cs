using System.CommandLine;
using System.Text.Json;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Cli.Commands;

/// <summary>
/// <c>opsconsole check</c>: refreshes the index, evaluates the seven stop conditions and exits 0 when
/// all are clear, 1 when any is triggered or unknown (unknown is not clear), 2 on error.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var formatOption = new Option<string>("--format")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = _ => "text",
        };
        formatOption.AcceptOnlyFromAmong("text", "json");
        var command = new Command("check", "Evaluate the stop conditions over the artifact root (exit 0 all clear, 1 triggered or unknown, 2 error).")
        {
            formatOption,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliContext.Open(parse);
            var pass = await services.Indexer.FullPassAsync(ct);
            if (!services.State.RootAvailable)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: the artifact root {services.Store.Root} cannot be listed");
                return CliRunner.Error;
            }

            var evaluation = new StopConditionEvaluator(services.CreateDb, services.State, services.Store).Evaluate();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(formatOption) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(CheckReport.From(evaluation, pass.Seen), CheckJsonContext.Default.CheckReport));
            }
            else
            {
                CheckText.Write(output, evaluation, pass.Seen);
            }

            services.Audit.Record("check", CliContext.Actor, services.Store.Root, CliContext.Source, "ok",
                string.Join(", ", evaluation.Conditions.Select(c => $"{c.Number}:{c.State}")));
            return evaluation.AllClear ? 0 : CliRunner.Failure;
        });
        return command;
    }
}

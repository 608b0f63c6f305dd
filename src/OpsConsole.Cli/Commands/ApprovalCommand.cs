using System.CommandLine;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Cli.Commands;

/// <summary>
/// <c>opsconsole approval ...</c>: list and show approvals, and take decisions on them
/// (submit, approve, reject, expire, mark-applied). Every subcommand first repairs duplicates an
/// interrupted move may have left.
/// </summary>
internal static class ApprovalCommand
{
    public static Command Create()
    {
        var command = new Command("approval", "List, show and decide approvals (the only place approvals are decided).");
        command.Add(CreateList());
        command.Add(CreateShow());
        foreach (var action in ApprovalAction.All)
        {
            command.Add(ApprovalDecisionCommand.Create(action));
        }

        command.Add(ApprovalArchiveCommand.Create());

        return command;
    }

    private static Command CreateList()
    {
        var state = new Option<string?>("--state") { Description = "Only approvals in this state folder." };
        state.AcceptOnlyFromAmong([.. ApprovalStates.All]);
        var command = new Command("list", "List approvals with their state, device, batch and consistency findings.") { state };
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliContext.Open(parse);
            var repository = new ApprovalRepository(services.Store);
            await ApprovalStartup.RepairAsync(services, repository, parse, ct);

            var wanted = parse.GetValue(state);
            var all = repository.ListAll().Where(a => wanted is null || a.FolderState == wanted).ToList();
            ApprovalOutput.WriteTable(parse.InvocationConfiguration.Output, all);
            return 0;
        });
        return command;
    }

    private static Command CreateShow()
    {
        var id = new Argument<string>("ID") { Description = "Approval id, e.g. APR-2026-0110." };
        var command = new Command("show", "Show one approval: fields, changes, history and consistency findings.") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliContext.Open(parse);
            var repository = new ApprovalRepository(services.Store);
            await ApprovalStartup.RepairAsync(services, repository, parse, ct);

            var wanted = parse.GetRequiredValue(id);
            var copies = repository.FindCopies(wanted);
            if (copies.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: no approval {wanted} under approvals/<state>/");
                return CliRunner.Failure;
            }

            foreach (var copy in copies)
            {
                ApprovalOutput.WriteDetail(parse.InvocationConfiguration.Output, copy);
            }

            return 0;
        });
        return command;
    }
}

/// <summary>The repair every approval command runs first, with its report, audit event and index refresh.</summary>
internal static class ApprovalStartup
{
    public static async Task RepairAsync(CliServices services, ApprovalRepository repository, ParseResult parse, CancellationToken ct)
    {
        var repairs = ApprovalDuplicateRepair.RepairAll(repository, TimeSpan.FromSeconds(2));
        await ReportAsync(services, repairs, parse, ct);
    }

    public static async Task ReportAsync(CliServices services, IReadOnlyList<DuplicateRepair> repairs, ParseResult parse, CancellationToken ct)
    {
        foreach (var repair in repairs)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync((repair.Resolved ? "repaired: " : "warning: ") + repair.Message);
            services.Audit.Record("approval.repair", CliContext.Actor, repair.Id, CliContext.Source, repair.Resolved ? "ok" : "failed",
                repair.Resolved ? $"kept {repair.Kept}; removed {string.Join(", ", repair.Removed)}" : "duplicates left for a person to resolve");
            var paths = repair.Removed.Append(repair.Kept).OfType<string>().ToList();
            if (paths.Count > 0)
            {
                await services.Indexer.RefreshAsync(paths, ct);
            }
        }
    }
}

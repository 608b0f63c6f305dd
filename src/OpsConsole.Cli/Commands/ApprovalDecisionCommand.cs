using System.CommandLine;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Cli.Commands;

/// <summary>
/// <c>opsconsole approval &lt;action&gt; ID --actor NAME --reason TEXT</c>: validates and applies one
/// decision, records an audit event either way, and refreshes the index for the moved file.
/// </summary>
internal static class ApprovalDecisionCommand
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["submit"] = "Submit a proposed approval for decision (proposed → pending).",
        ["approve"] = "Approve a pending approval (pending → approved). Refused for the requester (as --actor or as the operating-system user running it), after expiry, or while a stop condition (e.g. an open critical incident, a contradicting report) concerns the device or batch.",
        ["reject"] = "Reject a pending approval (pending → rejected).",
        ["expire"] = "Expire a pending or approved approval (→ expired).",
        ["mark-applied"] = "Record that an approved batch was applied (approved → applied).",
    };

    public static Command Create(ApprovalAction action)
    {
        var id = new Argument<string>("ID") { Description = "Approval id, e.g. APR-2026-0110." };
        var actor = new Option<string>("--actor") { Description = "Who decides (recorded in history and audit, next to the operating-system user).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the approval's history).", Required = true };
        var command = new Command(action.Name, Descriptions[action.Name]) { id, actor, reason };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            using var services = CliContext.Open(parse);
            var repository = new ApprovalRepository(services.Store);
            await ApprovalStartup.RepairAsync(services, repository, parse, ct);

            var approvalId = parse.GetRequiredValue(id);
            var who = parse.GetRequiredValue(actor);
            var blockers = await BlockersAsync(services, action, ct);
            DecisionOutcome outcome;
            try
            {
                outcome = repository.Decide(approvalId, action, who, parse.GetRequiredValue(reason), blockers, CliContext.Actor);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                services.Audit.Record(action.AuditType, AuditActor(who), approvalId, CliContext.Source, "failed", $"{ex.GetType().Name}; os user {CliContext.Actor}");
                throw;
            }

            await ApprovalStartup.ReportAsync(services, outcome.Repairs, parse, ct);
            if (!outcome.IsApplied)
            {
                services.Audit.Record(action.AuditType, AuditActor(who), approvalId, CliContext.Source, "refused",
                    $"rules: {string.Join(", ", outcome.Refusals.Select(r => r.Rule).Distinct())}; os user {CliContext.Actor}");
                await error.WriteLineAsync($"refused: {action.Name} {approvalId}");
                foreach (var group in RefusalGroups.Of(outcome.Refusals))
                {
                    await error.WriteLineAsync($"  {group}");
                }

                return CliRunner.Failure;
            }

            var entry = outcome.Record!.History[^1];
            services.Audit.Record(action.AuditType, AuditActor(who), approvalId, CliContext.Source, "ok",
                $"{entry.From}→{entry.To}; {outcome.NewPath}; os user {CliContext.Actor}");
            await services.Indexer.RefreshAsync([outcome.OldPath!, outcome.NewPath!], ct);
            await output.WriteLineAsync($"{approvalId}: {entry.From} → {entry.To} by {entry.Actor} ({outcome.NewPath})");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// For <c>approve</c>: the stop conditions over an index brought up to date first (a full pass re-reads
    /// only what changed), so a file written a moment ago counts, and the CLI decides from the same
    /// evaluation the web console shows. Other actions are never blocked by a stop condition.
    /// </summary>
    private static async Task<IApprovalBlockers> BlockersAsync(CliServices services, ApprovalAction action, CancellationToken ct)
    {
        if (action != ApprovalAction.Approve)
        {
            return NoApprovalBlockers.Instance;
        }

        await services.Indexer.FullPassAsync(ct);
        return new StopConditionBlockers(new StopConditionEvaluator(services.CreateDb, services.State, services.Store));
    }

    private static string AuditActor(string actor) => string.IsNullOrWhiteSpace(actor) ? "(none)" : actor.Trim();
}

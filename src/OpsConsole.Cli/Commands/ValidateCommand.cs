using System.CommandLine;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Cli.Commands;

/// <summary><c>opsconsole validate batch-plan</c>: checks a plan before it is applied; read-only.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Check artifacts before acting on them (read-only).");
        command.Add(CreateBatchPlan());
        return command;
    }

    private static Command CreateBatchPlan()
    {
        var plan = new Option<FileInfo>("--plan") { Description = "Path of the batch plan (batch-plan@1) to check.", Required = true };
        var deviceId = new Option<long>("--expected-device-id") { Description = "NetBox id of the device the plan must be for.", Required = true };
        var device = new Option<string>("--expected-device") { Description = "Name of the device the plan must be for.", Required = true };
        var command = new Command("batch-plan",
            "Check a batch plan: schema, device identity (expected, plan, inventory, approval), approval is approved, unexpired and consistent, "
            + "every object has a complete staged payload, no stop condition (1-7) concerning the device or batch is triggered or unknown. "
            + "Exit 0 when valid, 1 otherwise.")
        {
            plan, deviceId, device,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var planFile = parse.GetRequiredValue(plan);

            // The same evaluation `check`, `approval approve` and the web console use, over an index brought
            // up to date first (a pass re-reads only what changed).
            using var services = CliContext.Open(parse);
            await services.Indexer.FullPassAsync(ct);
            var evaluator = new StopConditionEvaluator(services.CreateDb, services.State, services.Store);
            PlanInventory inventory;
            using (var db = services.CreateDb())
            {
                inventory = PlanInventory.From(db);
            }

            var report = BatchPlanCheck.Check(planFile.FullName, parse.GetRequiredValue(deviceId), parse.GetRequiredValue(device),
                new ApprovalRepository(services.Store), new StopConditionBlockers(evaluator, includeGateOrder: true), DateTimeOffset.UtcNow, inventory);

            var name = report.Plan?.BatchId ?? planFile.Name;
            foreach (var group in RefusalGroups.Of(report.Findings))
            {
                await output.WriteLineAsync($"FAIL {group}");
            }

            await output.WriteLineAsync(report.IsValid
                ? $"ok: plan {name} for {report.Plan!.Device.Name} is valid ({report.Plan.Objects.Count} objects, approval {report.Plan.ApprovalId} approved)"
                : $"plan {name}: {report.Findings.Count} finding(s)");
            return report.IsValid ? 0 : CliRunner.Failure;
        });
        return command;
    }
}

using System.CommandLine;
using OpsConsole.Core;
using OpsConsole.Core.Approvals;
using OpsConsole.Core.Storage;

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
            "Check a batch plan: schema, device identity (expected, plan, approval), approval is approved, unexpired and consistent, "
            + "every object has a complete staged payload, no open critical incident on the device. Exit 0 when valid, 1 otherwise.")
        {
            plan, deviceId, device,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var planFile = parse.GetRequiredValue(plan);
            using var store = new ArtifactStore(CliContext.ResolveRoot(parse), new OpsConsoleOptions().MaxArtifactBytes);
            var report = BatchPlanCheck.Check(planFile.FullName, parse.GetRequiredValue(deviceId), parse.GetRequiredValue(device),
                new ApprovalRepository(store), new CompositeApprovalBlockers(new OpenCriticalIncidentBlockers(store)), DateTimeOffset.UtcNow);

            var name = report.Plan?.BatchId ?? planFile.Name;
            foreach (var finding in report.Findings)
            {
                await output.WriteLineAsync($"FAIL {finding}");
            }

            await output.WriteLineAsync(report.IsValid
                ? $"ok: plan {name} for {report.Plan!.Device.Name} is valid ({report.Plan.Objects.Count} objects, approval {report.Plan.ApprovalId} approved)"
                : $"plan {name}: {report.Findings.Count} finding(s)");
            return report.IsValid ? 0 : CliRunner.Failure;
        });
        return command;
    }
}

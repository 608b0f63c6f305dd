using System.Text.Json.Serialization;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Cli.Commands;

/// <summary>The text form of <c>opsconsole check</c>.</summary>
internal static class CheckText
{
    public static void Write(TextWriter output, StopEvaluation evaluation, int files)
    {
        output.WriteLine($"Stop conditions over {files} files:");
        foreach (var c in evaluation.Conditions)
        {
            output.WriteLine($"  {Label(c.State),-11} {c.Number}. {c.Title}");
            foreach (var t in c.Triggers)
            {
                output.WriteLine($"      {t.Path}: {t.Reason}");
            }

            foreach (var u in c.UnreadableInputs)
            {
                output.WriteLine($"      cannot decide, {u.Path}: {u.Reason}");
            }

            if (!c.IsClear)
            {
                output.WriteLine($"      action: {c.Action}");
            }
        }

        foreach (var cycle in evaluation.Cycles)
        {
            var current = cycle.CurrentGate is { } g ? $", current gate {g.GateId} ({g.EffectiveStatus})" : "";
            var freeze = cycle.FreezeInEffect ? $", freeze in effect ({cycle.FreezeGate!.GateId})" : "";
            output.WriteLine($"Cycle {cycle.CycleId}: {cycle.OverallStatus}{current}{freeze}");
            if (cycle.Problem is { } problem)
            {
                output.WriteLine($"      {problem.Text}");
            }

            foreach (var r in cycle.TimestampRegressions)
            {
                output.WriteLine($"      timestamp: {r.GateId} {r.Reason.Text}");
            }
        }

        var counts = evaluation.Conditions.GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"Result: {evaluation.State} ({counts.GetValueOrDefault(StopStates.Triggered)} triggered, "
            + $"{counts.GetValueOrDefault(StopStates.Unknown)} unknown, {counts.GetValueOrDefault(StopStates.Clear)} clear)");
    }

    private static string Label(string state) => state switch
    {
        StopStates.Clear => "[clear]",
        StopStates.Triggered => "[TRIGGERED]",
        _ => "[UNKNOWN]",
    };
}

/// <summary>The JSON form of <c>opsconsole check</c>.</summary>
internal sealed record CheckReport(string State, bool AllClear, long IndexVersion, DateTimeOffset EvaluatedAt, int Files,
    List<CheckCondition> Conditions, List<CheckCycle> Cycles)
{
    public static CheckReport From(StopEvaluation e, int files) => new(e.State, e.AllClear, e.IndexVersion, e.EvaluatedAt, files,
        [.. e.Conditions.Select(c => new CheckCondition(c.Number, c.Title, c.TitleKey, c.State, c.ActionKey, c.Action,
            [.. c.Triggers.Select(t => new CheckEvidence(t.Path, t.Reason, t.Device, t.BatchId))],
            [.. c.UnreadableInputs.Select(t => new CheckEvidence(t.Path, t.Reason, t.Device, t.BatchId))]))],
        [.. e.Cycles.Select(c => new CheckCycle(c.CycleId, c.OverallStatus, c.CurrentGate?.GateId, c.FreezeInEffect, c.FreezeGate?.GateId,
            c.Problem?.Text,
            [.. c.Steps.Select(s => new CheckGate(s.GateId, s.Stage, s.RawStatus, s.EffectiveStatus, s.Problem,
                [.. s.Violations.Select(v => v.Text)], [.. s.Reasons.Select(r => r.Text)]))]))]);
}

internal sealed record CheckCondition(int Number, string Title, string TitleKey, string State, string ActionKey, string Action,
    List<CheckEvidence> Triggers, List<CheckEvidence> UnreadableInputs);

internal sealed record CheckEvidence(string Path, string Reason, string? Device, string? BatchId);

internal sealed record CheckCycle(string CycleId, string OverallStatus, string? CurrentGate, bool FreezeInEffect, string? FreezeGate,
    string? Problem, List<CheckGate> Gates);

internal sealed record CheckGate(string Gate, string Stage, string? RawStatus, string EffectiveStatus, string? Problem,
    List<string> Violations, List<string> Reasons);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(CheckReport))]
internal sealed partial class CheckJsonContext : JsonSerializerContext;

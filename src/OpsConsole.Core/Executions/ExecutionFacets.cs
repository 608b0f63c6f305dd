using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Executions;

/// <summary>
/// The index facets of execution logs and reports, so <c>/executions</c> lists, filters and links them
/// without opening files. Columns: Key = file name without extension, AtTicks = report <c>generated_at</c>
/// or the log's first timestamp, Status = outcome (<see cref="ExecutionOutcomes"/>), GroupKey = subjects
/// (<see cref="ExecutionSubjects.Encode"/>), Title = report summary or the log's first error line (redacted),
/// Count = checks of a report or error lines of a log, Category = warning lines of a log, Actor = report operator.
/// </summary>
public static partial class ExecutionFacets
{
    private const int MaxTitle = 300;

    /// <summary>True for the two execution kinds.</summary>
    public static bool Handles(ArtifactKind kind) => kind is ArtifactKind.ExecutionLog or ArtifactKind.ExecutionReport;

    /// <summary>Fills the facet columns of an execution file (readable or not).</summary>
    public static void Apply(ArtifactRecord record, LoadedArtifact artifact)
    {
        var name = ExecutionSubjects.FromName(artifact.RelativePath);
        record.Key = Path.GetFileNameWithoutExtension(artifact.RelativePath);
        record.Device = null;
        record.DeviceId = null;
        record.Status = null;
        switch (artifact.Document)
        {
            case ExecutionReport report:
                var anyCheckFailed = report.Fields?.GetValueOrDefault("checks") is { ValueKind: JsonValueKind.Array } checks
                    && checks.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("status", out var s)
                        && s.ValueKind == JsonValueKind.String && s.GetString() is "fail" or "failed");
                record.Status = ExecutionOutcomes.FromReport(report.Status, anyCheckFailed);
                record.AtTicks = report.GeneratedAt?.UtcTicks;
                record.Title = Short(report.Summary);
                record.GroupKey = name.Merge(ExecutionSubjects.FromReport(report)).Encode();
                record.Count = report.Fields?.GetValueOrDefault("checks") is { ValueKind: JsonValueKind.Array } all ? all.GetArrayLength() : null;
                record.Actor = report.Fields?.GetValueOrDefault("operator") is { ValueKind: JsonValueKind.String } op ? Short(op.GetString()) : null;
                break;
            case string text when artifact.Kind == ArtifactKind.ExecutionLog:
                var summary = Summarise(text);
                record.Status = ExecutionOutcomes.FromLog(summary.BlockedLine, summary.Errors);
                record.AtTicks = summary.FirstTime?.UtcTicks;
                record.Title = Short(summary.FirstError);
                record.Count = summary.Errors;
                record.Category = summary.Warnings.ToString(CultureInfo.InvariantCulture);
                record.GroupKey = name.Merge(ExecutionSubjects.FromLogText(text)).Encode();
                break;
            default:
                record.Title = null;
                record.GroupKey = name.Encode();
                break;
        }
    }

    /// <summary>Counts and firsts of a log text that fits the size cap.</summary>
    internal static LogSummary Summarise(string text)
    {
        int errors = 0, warnings = 0;
        string? firstError = null;
        var blocked = false;
        DateTimeOffset? firstTime = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            firstTime ??= TimeOf(line);
            switch (LogLevels.Of(line))
            {
                case LogLevel.Error:
                    errors++;
                    firstError ??= line.ToString();
                    blocked |= line.Contains("blocked", StringComparison.OrdinalIgnoreCase);
                    break;
                case LogLevel.Warn:
                    warnings++;
                    blocked |= line.Contains("blocked", StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }

        return new LogSummary(errors, warnings, firstError, blocked, firstTime);
    }

    /// <summary>The timestamp a log line starts with (<c>2026-11-21 09:40:51.037 -03:00</c>, <c>2026-11-10T10:00:00Z</c>), or null.</summary>
    public static DateTimeOffset? TimeOf(ReadOnlySpan<char> line)
    {
        var m = LeadingTime().Match(line.Length > 48 ? line[..48].ToString() : line.ToString());
        if (!m.Success)
        {
            return null;
        }

        var o = m.Groups["o"].Value;
        var offset = o == "Z" ? "+00:00" : o.Length == 5 ? $"{o[..3]}:{o[3..]}" : o;
        var text = $"{m.Groups["d"].Value}T{m.Groups["t"].Value}{offset}";
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mm:sszzz"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var at) ? at : null;
    }

    private static string? Short(string? text)
    {
        var redacted = SecretRedactor.Redact(text);
        return redacted is { Length: > MaxTitle } ? redacted[..MaxTitle] + "…" : redacted;
    }

    [GeneratedRegex(@"^(?<d>\d{4}-\d{2}-\d{2})[ T](?<t>\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?) ?(?<o>Z|[+-]\d{2}:?\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTime();

    internal sealed record LogSummary(int Errors, int Warnings, string? FirstError, bool BlockedLine, DateTimeOffset? FirstTime);
}

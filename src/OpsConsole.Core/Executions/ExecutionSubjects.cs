using System.Text.Json;
using System.Text.RegularExpressions;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Executions;

/// <summary>
/// What an execution log or report concerns: cycles, gates, batches, devices and the log a report
/// names. Read from the file name (<c>cycle-002-real-write-attempt.log</c>) and the content (a report's
/// <c>cycle_id</c>, <c>gate</c>, <c>batch_id</c>, <c>device</c>, <c>batches[]</c>, <c>log</c>; a log's
/// <c>BATCH-…</c> and <c>cycle-…</c> words). Stored in the index as space-separated <c>kind:id</c> tokens
/// (see <see cref="Encode"/>) so lists filter on them without opening files.
/// </summary>
public sealed partial record ExecutionSubjects
{
    /// <summary>At most this many ids of one kind are kept (a log naming thousands of batches stays small).</summary>
    public const int MaxPerKind = 20;

    public IReadOnlyList<string> Cycles { get; init; } = [];
    public IReadOnlyList<string> Gates { get; init; } = [];
    public IReadOnlyList<string> Batches { get; init; } = [];
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>The execution log a report names (root-relative path), when any.</summary>
    public string? Log { get; init; }

    /// <summary>True when nothing is known.</summary>
    public bool IsEmpty => Cycles.Count + Gates.Count + Batches.Count + Devices.Count == 0 && Log is null;

    /// <summary>The index form: <c>" cycle:cycle-002 gate:real-write-attempt batch:BATCH-1 "</c> (leading and trailing space).</summary>
    public string? Encode()
    {
        if (IsEmpty)
        {
            return null;
        }

        var tokens = Cycles.Select(c => "cycle:" + c).Concat(Gates.Select(g => "gate:" + g)).Concat(Batches.Select(b => "batch:" + b))
            .Concat(Devices.Select(d => "device:" + d)).Concat(Log is null ? [] : ["log:" + Log]);
        return " " + string.Join(' ', tokens) + " ";
    }

    /// <summary>The token a filter looks for: <c>" batch:BATCH-1 "</c>.</summary>
    public static string Token(string kind, string id) => $" {kind}:{id} ";

    /// <summary>Reads the index form back.</summary>
    public static ExecutionSubjects Decode(string? encoded)
    {
        var tokens = (encoded ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Split(':', 2)).Where(t => t.Length == 2).ToList();
        IReadOnlyList<string> Of(string kind) => [.. tokens.Where(t => t[0] == kind).Select(t => t[1])];
        return new ExecutionSubjects
        {
            Cycles = Of("cycle"),
            Gates = Of("gate"),
            Batches = Of("batch"),
            Devices = Of("device"),
            Log = Of("log") is [var log, ..] ? log : null,
        };
    }

    /// <summary>What the file name says: <c>cycle-NNN</c>, the gate after it, and <c>BATCH-…</c> words.</summary>
    public static ExecutionSubjects FromName(string relativePath)
    {
        var stem = Path.GetFileNameWithoutExtension(relativePath);
        var cycle = CycleWord().Match(stem);
        var gates = new List<string>();
        if (cycle.Success && cycle.Index == 0 && stem.Length > cycle.Length + 1 && stem[cycle.Length] == '-')
        {
            var rest = stem[(cycle.Length + 1)..];
            if (IdWord().IsMatch(rest))
            {
                gates.Add(rest);
            }
        }

        return new ExecutionSubjects
        {
            Cycles = cycle.Success ? [cycle.Value] : [],
            Gates = gates,
            Batches = Distinct(BatchWord().Matches(stem).Select(m => m.Value)),
        };
    }

    /// <summary>What a log's text names: <c>cycle-NNN</c> and <c>BATCH-…</c> words.</summary>
    public static ExecutionSubjects FromLogText(string text) => new()
    {
        Cycles = Distinct(CycleWord().Matches(text).Select(m => m.Value)),
        Batches = Distinct(BatchWord().Matches(text).Select(m => m.Value)),
    };

    /// <summary>What a report's fields name.</summary>
    public static ExecutionSubjects FromReport(ExecutionReport report)
    {
        var fields = report.Fields ?? [];
        var cycles = new List<string?> { Text(fields, "cycle_id") };
        var gates = new List<string?> { Text(fields, "gate") };
        var batches = new List<string?> { Text(fields, "batch_id") };
        var devices = new List<string?> { DeviceName(fields.GetValueOrDefault("device")) };
        if (fields.GetValueOrDefault("batches") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var b in list.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.Object).Take(MaxPerKind * 5))
            {
                batches.Add(b.TryGetProperty("batch_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
                devices.Add(DeviceName(b.TryGetProperty("device", out var d) ? d : default));
            }
        }

        var log = Text(fields, "log");
        return new ExecutionSubjects
        {
            Cycles = Distinct(cycles),
            Gates = Distinct(gates),
            Batches = Distinct(batches),
            Devices = Distinct(devices),
            Log = log is not null && Storage.SafePath.IsWellFormed(log) && !log.Contains(' ', StringComparison.Ordinal) ? log : null,
        };
    }

    /// <summary>Both sets together (name first).</summary>
    public ExecutionSubjects Merge(ExecutionSubjects other) => new()
    {
        Cycles = Distinct(Cycles.Concat(other.Cycles)),
        Gates = Distinct(Gates.Concat(other.Gates)),
        Batches = Distinct(Batches.Concat(other.Batches)),
        Devices = Distinct(Devices.Concat(other.Devices)),
        Log = Log ?? other.Log,
    };

    private static string? Text(Dictionary<string, JsonElement> fields, string name) =>
        fields.GetValueOrDefault(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static string? DeviceName(JsonElement device) =>
        device.ValueKind == JsonValueKind.Object && device.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;

    // Ids go into a space-separated list, so only plain id words are kept.
    private static IReadOnlyList<string> Distinct(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Where(v => IdWord().IsMatch(v) || DeviceNames.IsValid(v)).Where(v => !v.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Take(MaxPerKind)];

    [GeneratedRegex(@"(?<![A-Za-z0-9])cycle-[0-9]+(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex CycleWord();

    [GeneratedRegex(@"(?<![A-Za-z0-9])BATCH-[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex BatchWord();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdWord();
}

using System.Globalization;
using System.Text.Json;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Executions;

/// <summary>One scalar field of a report (<c>cycle_id</c>, <c>operator</c>, <c>device.name</c>…), redacted.</summary>
public sealed record ReportFact(string Name, string Value);

/// <summary>
/// One list of a report (<c>checks</c>, <c>batches</c>, <c>results</c>…) as a table: one column per field
/// seen in its items (nested objects flattened one level: <c>device.name</c>), every cell redacted.
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, int TotalRows);

/// <summary>
/// Turns the fields of a final validation report into facts and tables. The contract fixes no report
/// fields beyond <c>schema</c>, so nothing is assumed: scalars become facts, lists become tables.
/// </summary>
public static class ExecutionReportTables
{
    /// <summary>Rows shown per table at most (the rest is counted).</summary>
    public const int MaxRows = 500;

    private const int MaxColumns = 12;
    private const int MaxCell = 500;

    /// <summary>Scalar and one-level object fields, in document order.</summary>
    public static IReadOnlyList<ReportFact> Facts(ExecutionReport report)
    {
        var facts = new List<ReportFact>();
        foreach (var (name, value) in report.Fields ?? [])
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                facts.AddRange(value.EnumerateObject().Where(p => IsScalar(p.Value)).Take(MaxColumns)
                    .Select(p => new ReportFact($"{name}.{p.Name}", Cell(p.Value) ?? "")));
            }
            else if (IsScalar(value))
            {
                facts.Add(new ReportFact(name, Cell(value) ?? ""));
            }
        }

        return facts;
    }

    /// <summary>Every list field as a table, in document order.</summary>
    public static IReadOnlyList<ReportTable> Tables(ExecutionReport report) =>
        [.. (report.Fields ?? []).Where(f => f.Value.ValueKind == JsonValueKind.Array).Select(f => Table(f.Key, f.Value))];

    private static ReportTable Table(string name, JsonElement list)
    {
        var items = list.EnumerateArray().Take(MaxRows).ToList();
        if (items.All(i => i.ValueKind != JsonValueKind.Object))
        {
            return new ReportTable(name, ["value"], [.. items.Select(i => (IReadOnlyList<string?>)[Cell(i)])], list.GetArrayLength());
        }

        var columns = new List<string>();
        var rows = items.Select(item =>
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (item.ValueKind != JsonValueKind.Object)
            {
                row["value"] = Cell(item);
            }
            else
            {
                foreach (var p in item.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var inner in p.Value.EnumerateObject())
                        {
                            row[$"{p.Name}.{inner.Name}"] = Cell(inner.Value);
                        }
                    }
                    else
                    {
                        row[p.Name] = Cell(p.Value);
                    }
                }
            }

            foreach (var key in row.Keys.Where(k => !columns.Contains(k)))
            {
                columns.Add(key);
            }

            return row;
        }).ToList();
        var shown = columns.Take(MaxColumns).ToList();
        return new ReportTable(name, shown, [.. rows.Select(r => (IReadOnlyList<string?>)[.. shown.Select(c => r.GetValueOrDefault(c))])], list.GetArrayLength());
    }

    private static bool IsScalar(JsonElement v) => v.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    // Lists inside a cell are shown as their scalar items joined; deeper structure as its item count.
    private static string? Cell(JsonElement v)
    {
        var text = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Take(20).Select(i => IsScalar(i) ? Cell(i) : "…")),
            JsonValueKind.Object => string.Create(CultureInfo.InvariantCulture, $"{{{v.EnumerateObject().Count()} fields}}"),
            _ => null,
        };
        var redacted = SecretRedactor.Redact(text);
        return redacted is { Length: > MaxCell } ? redacted[..MaxCell] + "…" : redacted;
    }
}

using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Ui;

/// <summary>
/// Exports exactly the rows a list shows (same filters and page) as CSV or JSON. Every cell passes
/// through SecretRedactor. CSV goes through CsvHelper with formula-injection escaping, so a cell starting with = + - @ tab or CR is neutralised.
/// </summary>
public static class TableExport
{
    public static readonly CsvWriterOptions CsvOptions = new() { Injection = CsvInjection.Escape };

    /// <summary>True when <paramref name="format"/> asks for an export.</summary>
    public static bool IsExport(string? format) => format is "csv" or "json";

    /// <summary>Builds the file result for <paramref name="format"/> ("csv" or "json").</summary>
    public static FileContentResult Create(string format, string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        // Rows come from redacted documents already; masking again here keeps every export safe whatever builds its rows.
        var materialised = rows.Select(r => (IReadOnlyList<string?>)[.. r.Select(SecretRedactor.Redact)]).ToList();
        if (format == "json")
        {
            var objects = materialised.Select(r => columns.Select((c, i) => (c, v: i < r.Count ? r[i] : null)).ToDictionary(x => x.c, x => x.v)).ToList();
            return new FileContentResult(JsonSerializer.SerializeToUtf8Bytes(objects), "application/json; charset=utf-8") { FileDownloadName = name + ".json" };
        }

        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, CsvOptions, leaveOpen: true))
        {
            csv.WriteHeader(columns.ToArray());
            foreach (var r in materialised)
            {
                csv.WriteRecord(columns.Select((_, i) => i < r.Count ? r[i] ?? "" : "").ToArray());
            }
        }

        return new FileContentResult(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8") { FileDownloadName = name + ".csv" };
    }
}

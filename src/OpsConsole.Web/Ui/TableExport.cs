using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace OpsConsole.Web.Ui;

/// <summary>
/// Exports exactly the rows a list shows (same filters and page) as CSV or JSON, streamed to the response
/// (<see cref="StreamedTableResult"/>). Every cell passes through SecretRedactor. CSV goes through CsvHelper with
/// formula-injection escaping, so a cell starting with = + - @ tab or CR is neutralised.
/// </summary>
public static class TableExport
{
    public static readonly CsvWriterOptions CsvOptions = new() { Injection = CsvInjection.Escape };

    /// <summary>True when <paramref name="format"/> asks for an export.</summary>
    public static bool IsExport(string? format) => format is "csv" or "json";

    /// <summary>The file result for <paramref name="format"/> ("csv" or "json") of rows already in memory.</summary>
    public static IActionResult Create(string format, string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows) =>
        new StreamedTableResult(format, name, columns, rows.ToAsyncEnumerable());

    /// <summary>
    /// The file result for rows read while the response is written (an export of up to
    /// <see cref="Core.Read.PageRequest.MaxExportSize"/> rows straight from the index): memory stays flat
    /// whatever the row count.
    /// </summary>
    public static IActionResult Stream(string format, string name, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<string?>> rows) =>
        new StreamedTableResult(format, name, columns, rows);
}

using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Ui;

/// <summary>
/// A CSV or JSON table written to the response as its rows arrive: a 10,000-row export never holds the whole
/// file (or the whole row list) in memory. Each cell is masked by SecretRedactor here, the last step before the
/// wire, whatever built the row. Once the first bytes are sent the status is 200: a failure after that aborts
/// the connection, so a client sees a broken download, never a short file that looks complete.
/// </summary>
public sealed class StreamedTableResult(string format, string name, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<string?>> rows) : IActionResult
{
    /// <summary>Rows between two flushes to the client (bounds what is buffered).</summary>
    private const int RowsPerFlush = 500;

    /// <summary>Bytes gathered before a write to the response (bounds what is buffered, like <see cref="RowsPerFlush"/>).</summary>
    private const int SendBufferBytes = 64 * 1024;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var ct = context.HttpContext.RequestAborted;
        var json = format == "json";
        response.ContentType = json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name + (json ? ".json" : ".csv"));
        response.Headers.ContentDisposition = disposition.ToString();
        try
        {
            await (json ? WriteJsonAsync(response.Body, ct) : WriteCsvAsync(response.Body, ct));
        }
        catch (Exception) when (response.HasStarted && !ct.IsCancellationRequested)
        {
            context.HttpContext.Abort();
            throw;
        }
    }

    private string?[] Cells(IReadOnlyList<string?> row) =>
        [.. columns.Select((_, i) => i < row.Count ? SecretRedactor.Redact(row[i]) : null)];

    private async Task WriteCsvAsync(Stream body, CancellationToken ct)
    {
        // CsvHelper hands the response a few kilobytes at a time, and each write to the response is a socket send
        // and an HTTP chunk: 300 of them for 10,000 rows, which cost the server and the client more than the rows.
        // Not disposed: that would dispose the response body too.
        var buffered = new BufferedStream(body, SendBufferBytes);
        await using (var csv = CsvWriter.Create(buffered, TableExport.CsvOptions, leaveOpen: true))
        {
            csv.WriteHeader([.. columns]);
            await foreach (var row in rows.WithCancellation(ct))
            {
                await csv.WriteRecordAsync(Cells(row), ct);
            }

            await csv.FlushAsync(ct);
        }

        await buffered.FlushAsync(ct);
    }

    private async Task WriteJsonAsync(Stream body, CancellationToken ct)
    {
        await using var writer = new Utf8JsonWriter(body);
        writer.WriteStartArray();
        var written = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            var cells = Cells(row);
            writer.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                writer.WriteString(columns[i], cells[i]);
            }

            writer.WriteEndObject();
            if (++written % RowsPerFlush == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(ct);
    }
}

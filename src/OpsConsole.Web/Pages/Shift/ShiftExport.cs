using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Shift;

/// <summary>The shift digest as Markdown, CSV or JSON; every text passes through SecretRedactor.</summary>
public static class ShiftExport
{
    private static readonly string[] Columns =
    [
        "at", "section", "change", "kind", "subject", "text", "key", "device", "group", "title", "status_before", "status_after",
        "count_before", "count_after", "category", "actor", "problem", "path", "link",
    ];

    /// <summary>True for the formats this page exports.</summary>
    public static bool IsExport(string? format) => format is "md" or "csv" or "json";

    public static IActionResult Create(string format, ShiftView view, string baseUrl)
    {
        if (format == "md")
        {
            return new FileContentResult(Encoding.UTF8.GetBytes(ShiftMarkdown.Render(view, baseUrl)), "text/markdown; charset=utf-8")
            {
                FileDownloadName = "shift-handoff.md",
            };
        }

        var rows = view.Lines.Select(l => Row(l, baseUrl)).ToList();
        if (format == "csv")
        {
            return TableExport.Create("csv", "shift-handoff", Columns, rows);
        }

        // JSON carries the window and whether the journal covers it, so an empty list is never read as "nothing changed".
        var document = new
        {
            since = Iso(view.Digest.Since),
            until = Iso(view.Digest.Until),
            journal_start = view.Digest.JournalStart is { } s ? Iso(s) : null,
            journal_covers_window = view.Digest.Covered,
            changes = rows.Select(r => Columns.Select((c, i) => (c, v: SecretRedactor.Redact(r[i]))).ToDictionary(x => x.c, x => x.v)),
        };
        return new FileContentResult(JsonSerializer.SerializeToUtf8Bytes(document), "application/json; charset=utf-8")
        {
            FileDownloadName = "shift-handoff.json",
        };
    }

    private static IReadOnlyList<string?> Row(ShiftLine l, string baseUrl)
    {
        var c = l.Change;
        return
        [
            Iso(c.At), c.Section.ToString(), c.Change, c.Kind, l.Subject, l.Text, c.Key, c.Device, c.GroupKey, c.Title, c.StatusBefore, c.StatusAfter,
            c.CountBefore?.ToString(CultureInfo.InvariantCulture), c.CountAfter?.ToString(CultureInfo.InvariantCulture), c.Category, c.Actor,
            c.Problem, c.Path, l.Href is { } h ? baseUrl + h : null,
        ];
    }

    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}

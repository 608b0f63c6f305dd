using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OpsConsole.Web.Ui;

/// <summary>
/// A server-rendered strip of status cells (one per day): inline &lt;svg role="img"&gt; with the summary as its
/// accessible name and a &lt;title&gt; per cell. The colour of a cell is its status's tone from
/// <see cref="StatusCatalogue"/> (a CSS class, site.css "trends" block): no script, no style attribute.
/// </summary>
public static class SvgStatusStrip
{
    private const int CellWidth = 14;
    private const int Gap = 3;
    private const int Height = 28;

    /// <summary>The status word an absent report has: drawn as an empty cell, so a gap never reads as a colour of data.</summary>
    public const string Missing = OpsConsole.Core.Read.Devices.DeviceStrip.Missing;

    /// <summary>One cell: the status word and the tooltip text (e.g. "2026-11-05: Divergent").</summary>
    public readonly record struct Cell(string Status, string Tooltip);

    /// <summary>Renders <paramref name="cells"/> (oldest first) with <paramref name="label"/> as the text alternative.</summary>
    public static IHtmlContent Render(string id, string label, IReadOnlyList<Cell> cells)
    {
        var enc = HtmlEncoder.Default;
        var width = Math.Max(1, cells.Count) * (CellWidth + Gap) + Gap;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"strip\" id=\"{enc.Encode(id)}\" role=\"img\" aria-label=\"{enc.Encode(label)}\" viewBox=\"0 0 {width} {Height}\" width=\"{width}\" height=\"{Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var tone = "tone-" + StatusCatalogue.For(cell.Status).Tone.ToString().ToLowerInvariant();
            // "is-<status>" names the day's status in a class: SVG 1.1 (what the HTML checker validates) has no data-* attributes.
            var css = cell.Status == Missing ? $"strip-cell strip-missing {tone} is-{cell.Status}" : $"strip-cell {tone} is-{cell.Status}";
            var x = Gap + i * (CellWidth + Gap);
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{enc.Encode(css)}\" x=\"{x}\" y=\"2\" width=\"{CellWidth}\" height=\"{Height - 4}\" rx=\"2\"><title>{enc.Encode(cell.Tooltip)}</title></rect>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}

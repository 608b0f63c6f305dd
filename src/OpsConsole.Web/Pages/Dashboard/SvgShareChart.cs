using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OpsConsole.Web.Pages.Dashboard;

/// <summary>
/// The dashboard's share charts, server-rendered SVG with no script and no style attribute (colours are CSS
/// classes, site.css "trends" block): bars of a compliant share per run day, and the small bar of a site's row.
/// </summary>
public static class SvgShareChart
{
    private const int Height = 130;
    private const int BarWidth = 16;
    private const int Gap = 5;
    private const int LabelSpace = 16;
    private const int MeterWidth = 80;
    private const int MeterHeight = 10;

    /// <summary>One day: its axis label, its share (null: nothing expected), its tooltip, and whether part of it is unknown or missing.</summary>
    public readonly record struct Bar(string Label, double? Share, string Tooltip, bool Flagged);

    /// <summary>The per-day chart: <paramref name="label"/> is its text alternative (the table behind it has the numbers).</summary>
    public static IHtmlContent Days(string id, string label, IReadOnlyList<Bar> bars)
    {
        var enc = HtmlEncoder.Default;
        var width = Math.Max(1, bars.Count) * (BarWidth + Gap) + Gap;
        var plot = Height - LabelSpace;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"trend-chart\" id=\"{enc.Encode(id)}\" role=\"img\" aria-label=\"{enc.Encode(label)}\" viewBox=\"0 0 {width} {Height}\" width=\"{width}\" height=\"{Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"share-axis\" x1=\"0\" x2=\"{width}\" y1=\"2\" y2=\"2\"/><line class=\"share-axis\" x1=\"0\" x2=\"{width}\" y1=\"{plot}\" y2=\"{plot}\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            // A share of 0 still draws a sliver, so a day at 0 % is told apart from a day without a bar.
            var h = Math.Max(1, (b.Share ?? 0) * (plot - 2));
            var x = Gap + i * (BarWidth + Gap);
            sb.Append(CultureInfo.InvariantCulture,
                $"<g><title>{enc.Encode(b.Tooltip)}</title><rect class=\"{(b.Flagged ? "share-bar share-flag" : "share-bar")}\" x=\"{x}\" y=\"{plot - h:0.#}\" width=\"{BarWidth}\" height=\"{h:0.#}\"/>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"share-label\" x=\"{x + BarWidth / 2}\" y=\"{Height - 4}\" text-anchor=\"middle\">{enc.Encode(b.Label)}</text></g>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>A small horizontal bar of <paramref name="share"/>, hidden from assistive technology (its row states the number).</summary>
    public static IHtmlContent Meter(double? share)
    {
        var fill = Math.Round((share ?? 0) * MeterWidth, 1);
        return new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"share-meter\" aria-hidden=\"true\" viewBox=\"0 0 {MeterWidth} {MeterHeight}\" width=\"{MeterWidth}\" height=\"{MeterHeight}\" xmlns=\"http://www.w3.org/2000/svg\"><rect class=\"share-track\" x=\"0\" y=\"0\" width=\"{MeterWidth}\" height=\"{MeterHeight}\"/><rect class=\"share-fill\" x=\"0\" y=\"0\" width=\"{fill}\" height=\"{MeterHeight}\"/></svg>"));
    }
}

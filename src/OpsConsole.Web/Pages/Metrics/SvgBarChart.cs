using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OpsConsole.Web.Pages.Metrics;

/// <summary>
/// A small server-rendered bar chart: inline &lt;svg&gt; with a &lt;title&gt; (its accessible name) and a
/// &lt;title&gt; per bar, no script. Colours come from CSS classes (site.css, "metrics" block).
/// </summary>
public static class SvgBarChart
{
    private const int Height = 120;
    private const int BarWidth = 22;
    private const int Gap = 6;
    private const int LabelSpace = 18;

    /// <summary>One bar: its short axis label, the value, the tooltip text and whether it is flagged (e.g. a gap, over target).</summary>
    public readonly record struct Bar(string Label, double Value, string Tooltip, bool Flagged);

    /// <summary>Renders <paramref name="bars"/>; <paramref name="target"/> draws a horizontal line at that value.</summary>
    public static IHtmlContent Render(string id, string title, IReadOnlyList<Bar> bars, double? target = null)
    {
        var enc = HtmlEncoder.Default;
        var max = Math.Max(1, Math.Max(bars.Count == 0 ? 0 : bars.Max(b => b.Value), target ?? 0));
        var width = Math.Max(1, bars.Count) * (BarWidth + Gap) + Gap;
        var plot = Height - LabelSpace;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{enc.Encode(id)}\" role=\"img\" aria-labelledby=\"{enc.Encode(id)}-title\" viewBox=\"0 0 {width} {Height}\" width=\"{width}\" height=\"{Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{enc.Encode(id)}-title\">{enc.Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var h = b.Value <= 0 ? 1 : Math.Max(2, b.Value / max * (plot - 4));
            var x = Gap + i * (BarWidth + Gap);
            sb.Append(CultureInfo.InvariantCulture,
                $"<g><title>{enc.Encode(b.Tooltip)}</title><rect class=\"{(b.Flagged ? "bar bar-flag" : "bar")}\" x=\"{x}\" y=\"{plot - h:0.#}\" width=\"{BarWidth}\" height=\"{h:0.#}\"/>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"bar-label\" x=\"{x + BarWidth / 2}\" y=\"{Height - 4}\" text-anchor=\"middle\">{enc.Encode(b.Label)}</text></g>");
        }

        if (target is { } t)
        {
            var y = plot - t / max * (plot - 4);
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"0\" x2=\"{width}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}

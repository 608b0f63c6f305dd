using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace OpsConsole.Web.Ui;

/// <summary><c>&lt;status-chip value="divergent" /&gt;</c>: a chip styled from <see cref="StatusCatalogue"/>.</summary>
[HtmlTargetElement("status-chip", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusChipTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var style = StatusCatalogue.For(Value);
        var label = localizer[style.LabelKey];
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", style.CssClass);
        output.Attributes.SetAttribute("data-status", Value ?? "unknown");
        output.Content.AppendHtml("<span class=\"chip-icon\" aria-hidden=\"true\">");
        output.Content.Append(style.Icon);
        output.Content.AppendHtml("</span>");
        output.Content.Append(label.ResourceNotFound ? (Value ?? "unknown") : label.Value);
    }
}

/// <summary>
/// <c>&lt;local-time value="@dto" /&gt;</c>: a <c>&lt;time&gt;</c> element showing the instant in the
/// user's culture with its UTC offset, e.g. "02/05/2026 06:00 (UTC−03:00)".
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    public DateTimeOffset? Value { get; set; }

    /// <summary>Show the date only.</summary>
    public bool DateOnly { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } v)
        {
            output.TagName = "span";
            output.Content.Append("—");
            return;
        }

        output.Attributes.SetAttribute("datetime", v.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        output.Content.Append(TimeDisplay.Format(v, DateOnly));
    }
}

/// <summary>Formats instants for display: culture date and time plus the explicit UTC offset.</summary>
public static class TimeDisplay
{
    public static string Format(DateTimeOffset value, bool dateOnly = false)
    {
        var culture = CultureInfo.CurrentCulture;
        var date = value.ToString(culture.DateTimeFormat.ShortDatePattern, culture);
        if (dateOnly)
        {
            return date;
        }

        var time = value.ToString("HH:mm", culture);
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        return $"{date} {time} (UTC{sign}{offset.Duration():hh\\:mm})";
    }

    /// <summary>A short age such as "3 d 4 h" for durations.</summary>
    public static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{(int)age.TotalDays} d {age.Hours} h"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours} h {age.Minutes} min"
        : $"{Math.Max(0, (int)age.TotalMinutes)} min";
}

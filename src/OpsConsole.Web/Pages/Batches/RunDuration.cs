using System.Globalization;

namespace OpsConsole.Web.Pages.Batches;

/// <summary>Formats run durations at the precision a batch run needs (seconds), e.g. "9 s", "2 min 05 s".</summary>
public static class RunDuration
{
    public static string Format(TimeSpan value) =>
        value.TotalHours >= 1 ? string.Create(CultureInfo.CurrentCulture, $"{(int)value.TotalHours} h {value.Minutes:00} min")
        : value.TotalMinutes >= 1 ? string.Create(CultureInfo.CurrentCulture, $"{(int)value.TotalMinutes} min {value.Seconds:00} s")
        : string.Create(CultureInfo.CurrentCulture, $"{Math.Max(0, value.Seconds)} s");
}

namespace OpsConsole.Core.Shift;

/// <summary>Settings of <c>OpsConsole:Shift</c>: when shifts start, in which time zone.</summary>
public sealed class ShiftOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "OpsConsole:Shift";

    /// <summary>The start times used when none are configured.</summary>
    public static readonly IReadOnlyList<string> DefaultStarts = ["07:00", "19:00"];

    /// <summary>
    /// Local start times of the shifts ("HH:mm"), e.g. ["07:00", "19:00"]; empty means <see cref="DefaultStarts"/>.
    /// (Empty by default because configuration binding appends to a list, it does not replace it.)
    /// </summary>
    public List<string> Starts { get; set; } = [];

    private IEnumerable<string> EffectiveStarts => Starts.Count == 0 ? DefaultStarts : Starts;

    /// <summary>The IANA (or Windows) id of the time zone the start times are in; empty means the server's local zone.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>The configured zone (the server's local zone when <see cref="TimeZone"/> is empty).</summary>
    public TimeZoneInfo Zone() => string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The start times, parsed; invalid entries are rejected by <see cref="IsValid"/> at start-up.</summary>
    public IReadOnlyList<TimeOnly> StartTimes() =>
        [.. EffectiveStarts.Select(s => TimeOnly.ParseExact(s, "HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Order()];

    /// <summary>True when there is at least one start time, every one is "HH:mm" and the time zone is known.</summary>
    public bool IsValid()
    {
        if (EffectiveStarts.Any(s => !TimeOnly.TryParseExact(s, "HH:mm", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _)))
        {
            return false;
        }

        try
        {
            Zone();
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}

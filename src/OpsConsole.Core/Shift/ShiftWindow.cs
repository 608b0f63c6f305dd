namespace OpsConsole.Core.Shift;

/// <summary>Works out shift boundaries from the configured start times.</summary>
public static class ShiftWindow
{
    /// <summary>
    /// The start of the shift before the current one: at 14:00 with shifts at 07:00 and 19:00 that is 19:00
    /// yesterday, so an incoming shift sees everything since the outgoing shift took over. The result carries
    /// the zone's UTC offset at that moment.
    /// </summary>
    public static DateTimeOffset PreviousShiftStart(DateTimeOffset now, IReadOnlyList<TimeOnly> starts, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        // Every start of yesterday, today (and the day before yesterday for a single daily shift), newest first.
        var candidates = Enumerable.Range(0, 3).Select(d => today.AddDays(-d))
            .SelectMany(day => starts.Select(t => At(day, t, zone)))
            .Where(s => s <= now)
            .OrderDescending()
            .ToList();
        return candidates.Count > 1 ? candidates[1] : candidates[0];
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        // A start in a skipped hour (spring forward) is taken an hour later, as a wall clock would show it.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

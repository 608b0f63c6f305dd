using OpsConsole.Core.Shift;

namespace OpsConsole.Core.Tests.Shift;

/// <summary>The default window of the shift page starts at the previous shift's start.</summary>
public sealed class ShiftWindowTests
{
    private static readonly TimeOnly[] TwoShifts = [new(7, 0), new(19, 0)];
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    [Theory]
    [InlineData("2026-11-30T14:00:00-03:00", "2026-11-29T19:00:00-03:00")]
    [InlineData("2026-11-30T19:05:00-03:00", "2026-11-30T07:00:00-03:00")]
    [InlineData("2026-11-30T06:59:00-03:00", "2026-11-29T07:00:00-03:00")]
    [InlineData("2026-11-30T07:00:00-03:00", "2026-11-29T19:00:00-03:00")]
    public void ThePreviousShiftStartIsTheOneBeforeTheCurrentShift(string now, string expected)
    {
        var start = ShiftWindow.PreviousShiftStart(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TwoShifts, SaoPaulo);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(TimeSpan.FromHours(-3), start.Offset);
    }

    [Fact]
    public void WithOneShiftADayThePreviousShiftStartedTheDayBefore()
    {
        var start = ShiftWindow.PreviousShiftStart(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), [new(8, 0)], TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void OptionsRejectAStartThatIsNotHoursAndMinutes()
    {
        Assert.False(new ShiftOptions { Starts = ["7am"] }.IsValid());
        Assert.False(new ShiftOptions { TimeZone = "Nowhere/Atlantis" }.IsValid());
        Assert.True(new ShiftOptions { Starts = ["06:30", "18:30"], TimeZone = "UTC" }.IsValid());
    }
}

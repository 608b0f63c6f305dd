using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpsConsole.Core.Shift;

namespace OpsConsole.Web.Pages.Shift;

/// <summary>The shift handoff: what changed since the start of the previous shift (or <c>?since=</c>), with exports.</summary>
public sealed class IndexModel(
    ShiftDigestQuery query,
    ShiftLineWriter lines,
    IOptions<ShiftOptions> options,
    TimeProvider clock,
    IStringLocalizer<ShiftResource> t) : PageModel
{
    [FromQuery(Name = "since")] public string? Since { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    /// <summary>Null when <c>since</c> could not be read (then <see cref="SinceError"/> says why).</summary>
    public ShiftView? View { get; private set; }

    public string? SinceError { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var zone = options.Value.Zone();
        var now = clock.GetUtcNow();
        DateTimeOffset since;
        if (string.IsNullOrWhiteSpace(Since))
        {
            since = ShiftWindow.PreviousShiftStart(now, options.Value.StartTimes(), zone);
        }
        else if (!ShiftSince.TryParse(Since, out since))
        {
            SinceError = t["shift.invalidSince", Since].Value;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var digest = await query.BuildAsync(since, now, HttpContext.RequestAborted);
        string Time(DateTimeOffset v) => TimeZoneInfo.ConvertTime(v, zone).ToString(ShiftMarkdown.TimeFormat, System.Globalization.CultureInfo.InvariantCulture);
        View = new ShiftView
        {
            Digest = digest,
            Heading = t["shift.title"].Value,
            Window = t["shift.window", Time(since), Time(now)].Value,
            CoverageWarning = digest.Covered ? null
                : digest.JournalStart is { } start ? t["shift.notCovered", Time(start)].Value : t["shift.noJournal"].Value,
            NothingChanged = t["shift.nothing"].Value,
            NoChanges = t["shift.none"].Value,
            Sections = [.. Enum.GetValues<ShiftSection>().Select(s => (s, t["shift.section." + s].Value))],
            Lines = [.. digest.Changes.Select(c => lines.For(c, zone))],
        };

        return ShiftExport.IsExport(Format) ? ShiftExport.Create(Format!, View, $"{Request.Scheme}://{Request.Host}") : Page();
    }
}

using System.Globalization;
using OpsConsole.Demo;

namespace OpsConsole.Web.Infrastructure.Demo;

/// <summary>
/// The demo README's run command shows: a tree generated for today into a folder git ignores, so trying the
/// console (saving an answer, validating, finalizing) never rewrites the committed <c>reports/</c> fixture,
/// and the dashboard shows a living operation instead of a stale one.
/// </summary>
internal static class LiveDemo
{
    /// <summary>The section key that turns the live demo on (set by <c>Properties/launchSettings.json</c>).</summary>
    public const string LiveKey = "OpsConsole:Demo:Live";

    /// <summary>
    /// When the live demo is on and the artifact root is a folder this console generated (or does not exist yet),
    /// (re)generates it so its last day is today. A folder without <see cref="DemoStamp.FileName"/> that holds
    /// anything is somebody's data: it is served as it is and never touched.
    /// </summary>
    public static void Prepare(WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>(LiveKey))
        {
            return;
        }

        var configured = builder.Configuration["OpsConsole:ArtifactRoot"] ?? "";
        var root = ServiceRegistration.ContentPath(builder.Environment, configured);
        var endDate = EndDate(TimeProvider.System.GetUtcNow());
        var stamp = DemoStamp.Read(root);
        if (stamp == endDate)
        {
            return;
        }

        if (stamp is null && DemoGenerator.IsNonEmpty(root))
        {
            Serilog.Log.Warning("Live demo: {Root} holds files this console did not generate; it is served as it is", root);
            return;
        }

        var summary = DemoGenerator.Generate(new DemoOptions(DemoOptions.MinDevices, 14, root, 2026, endDate));
        DemoStamp.Write(root, endDate);
        Serilog.Log.Information("Live demo: generated {Files} files ending {EndDate} in {Root}",
            summary.Files, endDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), root);
    }

    /// <summary>
    /// The demo's last day: today in NOC time once that day's 06:00 run has been written (the generator stamps
    /// runs from 06:00 -03:00), otherwise yesterday, so no report of the demo lies in the future.
    /// </summary>
    public static DateOnly EndDate(DateTimeOffset now)
    {
        var noc = now.ToOffset(DemoClock.Noc);
        var today = DateOnly.FromDateTime(noc.DateTime);
        return noc.Hour >= 8 ? today : today.AddDays(-1);
    }
}

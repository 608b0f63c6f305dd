using System.Globalization;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Demo;

/// <summary>
/// One compliance report per device per day, streamed to disk day by day (nothing is kept in
/// memory). Each day has its own random sequence derived from the seed and the date, so days can be
/// written in parallel and the output stays byte-identical.
/// </summary>
internal static class DemoCompliance
{
    /// <summary>Checks the job runs on each device (name, site, role, platform, tenant, status, ...).</summary>
    public const int Checks = 14;

    private const double TransientRate = 0.04;

    public static void Write(DemoWorld world, DemoWriter writer)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4) };
        Parallel.For(0, world.Options.Days, parallel, daysBefore => WriteDay(world, writer, daysBefore));
    }

    private static void WriteDay(DemoWorld world, DemoWriter writer, int daysBefore)
    {
        var day = world.Clock.Day(daysBefore);
        var random = new Random(unchecked(world.Options.Seed * 7919 + day.DayNumber));

        // Weekday runs come from the NOC collector (São Paulo time); weekend runs from CI, stamped in UTC.
        var fromCi = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var start = world.Clock.At(daysBefore, 6, 0);
        foreach (var device in world.Devices)
        {
            var at = start.AddSeconds(device.Index * 3 % 5400 + random.Next(0, 3));
            if (fromCi)
            {
                at = DemoClock.Utc(at);
            }

            var report = world.ContradictionDevice == device && world.ContradictionDaysBefore == daysBefore
                ? Contradiction(device, day, at)
                : Build(world, device, day, at, random, fromCi);
            writer.Json(DemoWorld.ReportPath(day, device), report, "compliance-report");
        }
    }

    private static ComplianceReport Build(DemoWorld world, DemoDevice device, DateOnly day, DateTimeOffset at, Random random, bool fromCi)
    {
        var incidents = new List<ReportIncident>();
        var unreachable = false;
        foreach (var incident in world.Incidents)
        {
            if (incident.Device?.Id == device.Id && incident.IsActiveAt(at))
            {
                incidents.Add(DemoIncidents.Reference(incident, at));
                unreachable |= incident.MakesDeviceUnreachable;
            }
        }

        var roll = random.NextDouble();
        var transientPick = random.Next(DemoDivergences.Transient.Length);
        var errorRate = device.Flaky ? 0.12 : 0.012;
        if (unreachable || roll < errorRate)
        {
            // The collector stopped after the checks it could finish; the rest count as failed.
            var passed = random.Next(0, 4);
            return Report(device, day, at, fromCi, "error", [], incidents, passed, Checks - passed);
        }

        var divergences = new List<Divergence>();
        foreach (var chronic in device.Chronic)
        {
            if (world.Drifts(device, chronic.Field, at))
            {
                divergences.Add(DemoDivergences.Build(device, chronic.Field));
            }
        }

        var transient = DemoDivergences.Transient[transientPick];
        if (roll > 1 - TransientRate && !device.HasChronic(transient))
        {
            divergences.Add(DemoDivergences.Build(device, transient, transient: true));
        }

        var status = divergences.Count > 0 ? "divergent" : "compliant";
        return Report(device, day, at, fromCi, status, divergences, incidents, Checks - divergences.Count, divergences.Count);
    }

    /// <summary>
    /// The one self-contradicting report of the demo (stop condition 2): the job marked it compliant
    /// although it lists a divergence. It sits on an older day so the console must still find it.
    /// </summary>
    private static ComplianceReport Contradiction(DemoDevice device, DateOnly day, DateTimeOffset at) =>
        Report(device, day, at, fromCi: at.Offset == TimeSpan.Zero, "compliant",
            [DemoDivergences.Build(device, "custom_fields.criticality")], [], Checks - 1, 1);

    private static ComplianceReport Report(
        DemoDevice device, DateOnly day, DateTimeOffset at, bool fromCi, string status,
        List<Divergence> divergences, List<ReportIncident> incidents, int passed, int failed) => new()
        {
            Schema = "opsconsole/compliance-report@1",
            ReportId = $"CR-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{device.Id}",
            Device = device.Ref,
            GeneratedAt = at,
            Source = fromCi ? "ci/compliance-nightly" : "compliance-job/noc-mns-01",
            Status = status,
            Divergences = divergences,
            Incidents = incidents,
            Summary = new ComplianceSummary { Checks = passed + failed, Passed = passed, Failed = failed },
        };
}

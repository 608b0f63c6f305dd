namespace OpsConsole.Demo;

/// <summary>
/// The planned scenario every writer reads from: the fleet, incidents and approvals, and the facts
/// that tie them together (an applied approval fixes a drifting field from its apply time on).
/// Planning happens once up front; writers only turn it into files.
/// </summary>
internal sealed class DemoWorld
{
    private readonly Dictionary<(long DeviceId, string Field), DateTimeOffset> _fixedAt = [];

    public DemoWorld(DemoOptions options)
    {
        Options = options;
        Clock = new DemoClock(options.EndDate);
        Devices = DemoInventory.Build(options.Devices, new Random(options.Seed));
        Incidents = DemoIncidents.Plan(this);
        Approvals = DemoApprovals.Plan(this);
        foreach (var approval in Approvals.Where(a => a.State == "applied"))
        {
            var appliedAt = approval.History[^1].At;
            foreach (var change in approval.Changes.Where(c => c.Object == "dcim.device"))
            {
                _fixedAt[(approval.Device.Id, change.Field)] = appliedAt;
            }
        }
    }

    public DemoOptions Options { get; }

    public DemoClock Clock { get; }

    public List<DemoDevice> Devices { get; }

    public IReadOnlyList<DemoIncident> Incidents { get; }

    public IReadOnlyList<DemoApproval> Approvals { get; }

    /// <summary>The device whose report on <see cref="ContradictionDaysBefore"/> contradicts itself.</summary>
    public DemoDevice ContradictionDevice => Devices[4];

    /// <summary>
    /// An older day of the window (two thirds back, at most 20 days back), or the only day when there is one. A
    /// year-long tree keeps it in the newest 30 days, where an operator acts on it: a stop condition refuses the archive
    /// of the report it names (docs/retention.md), and the retention bench archives all but the newest 30 days.
    /// </summary>
    public int ContradictionDaysBefore => Math.Min(Options.Days - 1, Math.Max(1, Math.Min(20, Options.Days * 2 / 3)));

    /// <summary>Devices that received an engagement package (the first has answered).</summary>
    public IReadOnlyList<DemoDevice> EngagementDevices => [Devices[0], Devices[21], Devices[15]];

    public DemoApproval Approval(string id) => Approvals.Single(a => a.Id == id);

    public DemoIncident Incident(string id) => Incidents.Single(i => i.Id == id);

    /// <summary>The oldest day that has compliance reports.</summary>
    public DateOnly FirstDay => Clock.Day(Options.Days - 1);

    /// <summary>The nearest day with compliance reports (for evidence paths of older gates).</summary>
    public DateOnly ReportDay(int daysBefore) => Clock.Day(Math.Min(daysBefore, Options.Days - 1));

    public static string ReportPath(DateOnly day, DemoDevice device) => $"compliance/{DemoClock.Iso(day)}/{device.Name}.json";

    /// <summary>True when <paramref name="field"/> of <paramref name="device"/> diverges at <paramref name="at"/>.</summary>
    public bool Drifts(DemoDevice device, string field, DateTimeOffset at)
    {
        var chronic = device.Chronic.FirstOrDefault(c => c.Field == field);
        if (chronic is null)
        {
            return false;
        }

        if (chronic.SinceDaysBefore != int.MaxValue && at < Clock.At(chronic.SinceDaysBefore, 0, 0))
        {
            return false;
        }

        return !(_fixedAt.TryGetValue((device.Id, field), out var fixedAt) && fixedAt <= at);
    }

    public bool DriftsAtEnd(DemoDevice device, string field) => Drifts(device, field, Clock.At(0, 23, 59));

    /// <summary>People of the NOC scenario (requesters and approvers are never the same person).</summary>
    public static class People
    {
        public const string Ana = "ana.ribeiro";
        public const string Bruno = "bruno.tavares";
        public const string Carla = "carla.menezes";
        public const string Diego = "diego.farias";
        public const string Marcos = "marcos.azevedo";
        public const string Juliana = "juliana.prado";
        public const string Operator = "rafael.nogueira";
        public const string ExpiryJob = "approval-expiry-job";
        public const string ServiceLead = "lucas.barros@4wnet.com.br";
    }
}

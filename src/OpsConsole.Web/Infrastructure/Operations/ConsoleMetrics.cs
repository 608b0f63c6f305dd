using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Engagement;
using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;

namespace OpsConsole.Web.Infrastructure.Operations;

/// <summary>
/// The console's own series on <c>/metrics</c>. Every one is observable: a scrape reads values the
/// console already keeps (the stop-condition evaluation cached per index version, the index state, the
/// catalogue counts cached per index version), so scraping never adds a catalogue query of its own
/// between index changes. Names are final Prometheus names (see docs/operations.md, "Metrics").
/// </summary>
internal sealed class ConsoleMetrics : IDisposable
{
    public const string MeterName = "OpsConsole";

    /// <summary>The values of <c>opsconsole_stop_condition_state</c>.</summary>
    public const int Clear = 0, Triggered = 1, Unknown = 2;

    private readonly Meter _meter;
    private readonly IndexState _state;
    private readonly StopConditionEvaluator _stops;
    private readonly CatalogueFigureCache _catalogue;
    private readonly ILogger<ConsoleMetrics> _logger;

    public ConsoleMetrics(IMeterFactory meters, IndexState state, StopConditionEvaluator stops, CatalogueFigureCache catalogue,
        IOptions<OpsConsoleOptions> options, ILogger<ConsoleMetrics> logger)
    {
        _state = state;
        _stops = stops;
        _catalogue = catalogue;
        _logger = logger;
        _meter = meters.Create(MeterName);

        _meter.CreateObservableGauge("opsconsole_stop_condition_state", ObserveStopConditions,
            description: "Stop condition 1-7: 0 clear, 1 triggered, 2 unknown (an input could not be read, or the index is not ready).");
        _meter.CreateObservableGauge("opsconsole_index_last_pass_timestamp_seconds",
            () => Seconds(state.LastCompletedPassAt), description: "Unix time the last complete index pass ended (kept in the index across restarts); 0 before the first.");
        _meter.CreateObservableGauge("opsconsole_index_pass_duration_seconds",
            () => state.LastFullPassElapsed?.TotalSeconds ?? 0, description: "Duration of the last full index pass.");
        var rescan = options.Value.RescanSeconds;
        _meter.CreateObservableGauge("opsconsole_index_rescan_interval_seconds", () => rescan,
            description: "Configured period of the full index pass (OpsConsole:RescanSeconds).");
        _meter.CreateObservableGauge("opsconsole_artifacts", ObserveArtifacts,
            description: "Files under the artifact root by kind and parse status (readable, unreadable).");
        _meter.CreateObservableGauge("opsconsole_compliance_newest_run_timestamp_seconds",
            () => Figures() is { } f ? [new Measurement<double>(Seconds(f.NewestComplianceRun))] : Array.Empty<Measurement<double>>(),
            description: "Unix time of the newest readable compliance report; 0 when there is none.");
        var freshness = options.Value.FreshnessThresholdHours * 3600.0;
        _meter.CreateObservableGauge("opsconsole_compliance_freshness_limit_seconds", () => freshness,
            description: "Age past which the newest compliance run is stale (OpsConsole:FreshnessThresholdHours).");
        _meter.CreateObservableGauge("opsconsole_approvals", ObserveApprovals, description: "Readable approval records by state.");
        _meter.CreateObservableCounter("opsconsole_engagement_saves",
            () => EngagementSaveCounts.Results.Select(r => new Measurement<long>(EngagementSaveCounts.Count(r), Tag("result", r))),
            description: "Engagement answer saves by result (saved, refused, failed) since the process started.");
        var version = typeof(ConsoleMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        _meter.CreateObservableGauge("opsconsole_build_info", () => new Measurement<int>(1, Tag("version", version)),
            description: "Always 1; the version label names the running release.");
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> ObserveStopConditions()
    {
        // Fail closed: before the first index build, while the root is away, or when the evaluation
        // fails, every condition is unknown, never clear.
        IReadOnlyList<StopConditionResult> conditions = [];
        if (_state.Ready && _state.RootAvailable)
        {
            try
            {
                conditions = _stops.Evaluate().Conditions;
            }
            catch (Exception ex)
            {
                Log.MetricsStopConditionsFailed(_logger, ex);
            }
        }

        foreach (var n in StopConditionCatalogue.Numbers)
        {
            var value = conditions.FirstOrDefault(c => c.Number == n)?.State switch
            {
                StopStates.Clear => Clear,
                StopStates.Triggered => Triggered,
                _ => Unknown,
            };
            yield return new Measurement<int>(value, Tag("condition", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private IEnumerable<Measurement<long>> ObserveArtifacts() =>
        Figures()?.Artifacts.Select(a => new Measurement<long>(a.Value, Tag("kind", a.Key.Kind), Tag("parse_status", a.Key.ParseStatus))) ?? [];

    private IEnumerable<Measurement<long>> ObserveApprovals() =>
        Figures()?.Approvals.Select(a => new Measurement<long>(a.Value, Tag("state", a.Key))) ?? [];

    // No figures (the catalogue could not be read) means no series: an absent series is not a false zero.
    private CatalogueFigures? Figures()
    {
        try
        {
            return _catalogue.Current();
        }
        catch (Exception ex)
        {
            Log.MetricsCatalogueFailed(_logger, ex);
            return null;
        }
    }

    private static double Seconds(DateTimeOffset? at) => at is { } t ? t.ToUnixTimeMilliseconds() / 1000.0 : 0;

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}

using Microsoft.Extensions.Options;
using OpsConsole.Core;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Dashboard;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Pages.Dashboard;

/// <summary>Assembles the dashboard view from the read layer's figures and the freshness rule.</summary>
public sealed class DashboardQueries(DashboardReads reads, ArtifactStore store, TimeProvider clock,
    IOptions<OpsConsoleOptions> options, IndexState state, DashboardCache cache)
{
    /// <summary>
    /// The dashboard for the current index version: its figures are computed once per index change
    /// (working out every device's newest report touches all 300,000 reports at scale); the age of the
    /// newest run is recomputed on every request from the clock.
    /// </summary>
    public async Task<DashboardView> BuildAsync()
    {
        var figures = await cache.GetAsync(state.Version, reads.ComputeAsync);
        var threshold = options.Value.FreshnessThresholdHours;
        var age = figures.NewestReportAt is { } at ? clock.GetUtcNow() - at : (TimeSpan?)null;
        return new DashboardView
        {
            Figures = figures,
            Age = age,
            ThresholdHours = threshold,
            Stale = age is null || age.Value > TimeSpan.FromHours(threshold),
            Root = store.Root,
        };
    }
}

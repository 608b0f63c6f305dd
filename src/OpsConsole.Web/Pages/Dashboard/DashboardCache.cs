using System.Diagnostics.CodeAnalysis;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Dashboard;

namespace OpsConsole.Web.Pages.Dashboard;

/// <summary>The last dashboard figures computed, keyed by <see cref="IndexState.Version"/>; one computation at a time.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A singleton; its SemaphoreSlim is only awaited (no wait handle is ever created), so there is nothing to release.")]
public sealed class DashboardCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private sealed record Entry(long Version, DashboardFigures Figures);

    private Entry? _last;

    public async Task<DashboardFigures> GetAsync(long version, Func<Task<DashboardFigures>> compute)
    {
        if (Volatile.Read(ref _last) is { } hit && hit.Version == version)
        {
            return hit.Figures;
        }

        await _gate.WaitAsync();
        try
        {
            if (_last is { } again && again.Version == version)
            {
                return again.Figures;
            }

            // A change during the computation leaves the older version in the cache: the next request recomputes.
            var figures = await compute();
            Volatile.Write(ref _last, new Entry(version, figures));
            return figures;
        }
        finally
        {
            _gate.Release();
        }
    }
}

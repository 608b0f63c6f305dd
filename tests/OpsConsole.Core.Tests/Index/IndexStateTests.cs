using OpsConsole.Core.Index;

namespace OpsConsole.Core.Tests.Index;

public sealed class IndexStateTests
{
    [Fact]
    public void Losing_and_regaining_the_root_bumps_the_version_so_cached_views_are_recomputed()
    {
        var state = new IndexState();
        var start = state.Version;

        state.RootAvailable = true;
        var unchanged = state.Version;
        state.RootAvailable = false;
        var lost = state.Version;
        state.RootAvailable = true;

        Assert.Equal(start, unchanged);
        Assert.True(lost > unchanged);
        Assert.True(state.Version > lost);
    }
}

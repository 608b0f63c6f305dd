using OpsConsole.ScaleOut.Tests.Support;

namespace OpsConsole.ScaleOut.Tests.TwoInstances;

/// <summary>Two running instances shared by the tests of one class (starting them is the slow part).</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    internal Support.TwoInstances Both { get; private set; } = null!;

    public async Task InitializeAsync() => Both = await Support.TwoInstances.StartAsync();

    public Task DisposeAsync() => Both.DisposeAsync().AsTask();
}

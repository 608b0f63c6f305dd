namespace OpsConsole.Core.Index;

/// <summary>
/// One value computed per <see cref="IndexState.Version"/>: every reader between two index changes gets the
/// same value, and the first reader after a change computes it again (one computation at a time). The
/// version is read before computing, so a change during the computation leaves the older version cached
/// and the next reader recomputes: a cached value is never labelled newer than the data it came from.
/// </summary>
/// <typeparam name="T">What is cached.</typeparam>
public sealed class VersionedCache<T>(IndexState state, Func<long, T> compute)
{
    private readonly Lock _lock = new();
    private Entry? _cached;

    /// <summary>The value for the current index version.</summary>
    public T Current()
    {
        var version = state.Version;
        if (Volatile.Read(ref _cached) is { } hit && hit.Version == version)
        {
            return hit.Value;
        }

        lock (_lock)
        {
            if (_cached is { } again && again.Version == version)
            {
                return again.Value;
            }

            var computed = new Entry(version, compute(version));
            Volatile.Write(ref _cached, computed);
            return computed.Value;
        }
    }

    private sealed record Entry(long Version, T Value);
}

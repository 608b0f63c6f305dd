using System.Collections.Concurrent;

namespace OpsConsole.Core.Index;

/// <summary>
/// Small values (a list's total for one filter, the distinct values of a filter menu) remembered per
/// <see cref="IndexState.Version"/> and key. Between two index changes every list page asks the same
/// count again and again; at 300,000 reports one such count walks 75,000 index entries, which is most
/// of a request's time. The first reader after a change computes the value again, so a count is never
/// older than the index it is shown with. Like <see cref="VersionedCache{T}"/>, the version is read
/// before computing: a change during the computation leaves the value under the older version, and the
/// next reader recomputes.
/// </summary>
public sealed class IndexVersionMemo(IndexState state)
{
    /// <summary>Distinct keys kept per version; a filter beyond that is computed, not remembered (memory stays bounded).</summary>
    public const int MaxEntries = 1024;

    /// <summary>Longer keys (a filter typed by hand) are computed, not remembered.</summary>
    public const int MaxKeyLength = 256;

    private Entries _entries = new(long.MinValue);

    /// <summary>The value of <paramref name="key"/> for the current index version, computed by <paramref name="compute"/> when absent.</summary>
    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> compute)
    {
        var entries = ForVersion(state.Version);
        if (entries.Values.TryGetValue(key, out var hit) && hit is T value)
        {
            return value;
        }

        var computed = await compute();
        if (entries.Values.Count < MaxEntries && key.Length <= MaxKeyLength)
        {
            entries.Values[key] = computed!;
        }

        return computed;
    }

    /// <summary>Synchronous form of <see cref="GetOrAddAsync{T}"/>.</summary>
    public T GetOrAdd<T>(string key, Func<T> compute) =>
        GetOrAddAsync(key, () => Task.FromResult(compute())).GetAwaiter().GetResult();

    private Entries ForVersion(long version)
    {
        while (true)
        {
            var current = Volatile.Read(ref _entries);
            if (current.Version == version)
            {
                return current;
            }

            var fresh = new Entries(version);
            if (Interlocked.CompareExchange(ref _entries, fresh, current) == current)
            {
                return fresh;
            }
        }
    }

    private sealed class Entries(long version)
    {
        public long Version { get; } = version;
        public ConcurrentDictionary<string, object> Values { get; } = new(StringComparer.Ordinal);
    }
}

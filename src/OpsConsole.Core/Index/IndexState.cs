namespace OpsConsole.Core.Index;

/// <summary>Live status of the index, read by health checks and pages.</summary>
public sealed class IndexState
{
    private long _version;

    /// <summary>True once the first full build has finished.</summary>
    public bool Ready { get; set; }

    private volatile bool _rootAvailable = true;

    /// <summary>
    /// False while the artifact root is missing or cannot be listed. A change bumps <see cref="Version"/>, so
    /// views computed while the root was away are recomputed as soon as it returns (automatic recovery).
    /// </summary>
    public bool RootAvailable
    {
        get => _rootAvailable;
        set
        {
            if (_rootAvailable != value)
            {
                _rootAvailable = value;
                Bump();
            }
        }
    }

    public DateTimeOffset? LastScanAt { get; set; }

    /// <summary>When the last full pass over the whole root ended (null until one has in this process); read by <c>/metrics</c>.</summary>
    public DateTimeOffset? LastFullPassAt { get; set; }

    /// <summary>How long that full pass took.</summary>
    public TimeSpan? LastFullPassElapsed { get; set; }
    public int FileCount { get; set; }
    public int UnreadableCount { get; set; }
    public string? LastError { get; set; }

    /// <summary>Bumped after every change the index applied; computed views cache by it.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Marks a change.</summary>
    public void Bump() => Interlocked.Increment(ref _version);
}

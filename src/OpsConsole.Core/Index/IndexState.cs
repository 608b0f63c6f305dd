namespace OpsConsole.Core.Index;

/// <summary>Live status of the index, read by health checks and pages.</summary>
public sealed class IndexState
{
    private long _version;
    private Func<long>? _storedVersion;

    /// <summary>True once the first full build has finished.</summary>
    public bool Ready { get; set; }

    /// <summary>
    /// True after a restart while the catalogue served is the one the last completed pass left and the
    /// start-up pass has not yet re-checked every file: conclusions are "as of <see cref="LastCompletedPassAt"/>".
    /// </summary>
    public bool ServingLastCompletedPass { get; set; }

    /// <summary>When the last full pass over the whole root completed (stored in the database).</summary>
    public DateTimeOffset? LastCompletedPassAt { get; set; }

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

    private volatile bool _databaseAvailable = true;

    /// <summary>
    /// False while the shared PostgreSQL database cannot be reached (SQLite is a local file: always true).
    /// Pages and <c>/health/ready</c> then say so instead of presenting views computed earlier as current;
    /// a change bumps <see cref="Version"/>, so nothing computed before the outage is served after it.
    /// </summary>
    public bool DatabaseAvailable
    {
        get => _databaseAvailable;
        set
        {
            if (_databaseAvailable != value)
            {
                _databaseAvailable = value;
                Bump();
            }
        }
    }

    /// <summary>True while this process runs the index passes (always with SQLite; the elected leader with PostgreSQL).</summary>
    public bool IsLeader { get; set; }

    public DateTimeOffset? LastScanAt { get; set; }

    /// <summary>How long that full pass took.</summary>
    public TimeSpan? LastFullPassElapsed { get; set; }
    public int FileCount { get; set; }
    public int UnreadableCount { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// Changes after every change of the catalogue, whoever made it: the version stored in the database
    /// (bumped by every indexer sharing it, e.g. the CLI) plus this process's own changes (root gone or
    /// back). Computed views cache by it, so a change indexed by another process is seen on the next read.
    /// </summary>
    public long Version => Interlocked.Read(ref _version) + (_storedVersion?.Invoke() ?? 0);

    /// <summary>Marks a change.</summary>
    public void Bump() => Interlocked.Increment(ref _version);

    /// <summary>Makes <see cref="Version"/> include the version stored in the database (set by the indexer).</summary>
    public void UseStoredVersion(Func<long> read) => _storedVersion = read;
}

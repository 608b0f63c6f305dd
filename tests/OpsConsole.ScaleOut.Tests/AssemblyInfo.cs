// Every test starts PostgreSQL sessions and most start app processes: one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Signals (SIGKILL of the leader) and flock are the Linux behaviour under test.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// Engagement save counts are per process and the publish test loads both cores: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// The release is for linux-x64 and the checks run Linux tools (systemd-analyze, promtool, signals).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

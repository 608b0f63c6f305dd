namespace OpsConsole.Web.Tests.Infrastructure;

/// <summary>
/// Test hosts watch their configuration files and static files by polling, not with inotify. A test run keeps dozens of
/// hosts alive at once, each of whose file providers took an inotify instance, and Linux allows 128 per user across every
/// process: past it a host's first page failed ("the configured user limit (128) on the number of inotify instances has
/// been reached"), and a browser test's page load in another test process hung. The console's own artifact watcher, which
/// the tests exercise, still uses inotify.
/// </summary>
internal static class TestHostFileWatching
{
    /// <summary>Call before a host is built (file providers read the variable when they are created).</summary>
    public static void UsePolling() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}

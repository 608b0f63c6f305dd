namespace OpsConsole.Core.Engagement;

/// <summary>
/// The lock that makes a device's engagement write safe across processes and machines sharing the root:
/// an exclusive OS advisory lock on <c>.responses.lock</c> beside <c>responses.csv</c>. On Linux, .NET opens a
/// file with <see cref="FileShare.None"/> under <c>flock(LOCK_EX | LOCK_NB)</c>; NFS (v4, and v3 with lockd)
/// carries flock as a POSIX lock to the server, so instances on other machines wait too. The lock is the
/// open file itself: a process that dies releases it with its descriptors. The dot-file is never indexed.
/// </summary>
internal sealed class DeviceFileLock : IDisposable
{
    /// <summary>The lock file's name, in the device's engagement folder.</summary>
    public const string FileName = ".responses.lock";

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private readonly FileStream? _held;

    private DeviceFileLock(FileStream? held) => _held = held;

    /// <summary>
    /// Waits (polling, a few milliseconds apart) until this process holds the lock of the folder
    /// <paramref name="deviceFolder"/>. A folder that does not exist (or that the safe-path rules refused:
    /// null) has nothing to write into: no lock is needed and the writer refuses afterwards.
    /// </summary>
    public static async Task<DeviceFileLock> AcquireAsync(string? deviceFolder, CancellationToken ct)
    {
        if (deviceFolder is null || !Directory.Exists(deviceFolder))
        {
            return new DeviceFileLock(null);
        }

        var path = Path.Combine(deviceFolder, FileName);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = 2;
        while (true)
        {
            try
            {
                return new DeviceFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (IOException ex) when (ex is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException))
            {
                // Held by another process (EWOULDBLOCK surfaces as a sharing violation): wait and retry.
                if (waited.Elapsed > GiveUpAfter)
                {
                    throw new TimeoutException($"the engagement lock of {Path.GetFileName(deviceFolder)} was held for over {GiveUpAfter.TotalSeconds:0} s", ex);
                }
            }

            await Task.Delay(pause, ct);
            pause = Math.Min(pause * 2, 10);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _held?.Dispose();
}

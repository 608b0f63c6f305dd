using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Approvals;

/// <summary>
/// An exclusive, per-id lock held while a record is re-read, decided and moved, so two processes
/// cannot both decide. The lock is an OS file lock (<see cref="FileShare.None"/>, flock on Linux)
/// on <c>approvals/.locks/&lt;id&gt;.lock</c>: the kernel releases it when the process ends, so a
/// crash never leaves a stale lock. The file itself stays (deleting it would let a waiter lock an
/// unlinked file while a newcomer locks a fresh one).
/// </summary>
public sealed class ApprovalLock : IDisposable
{
    private readonly FileStream _stream;

    private ApprovalLock(string id, FileStream stream)
    {
        Id = id;
        _stream = stream;
    }

    /// <summary>The approval id this lock covers.</summary>
    public string Id { get; }

    /// <summary>
    /// Takes the lock for <paramref name="id"/>, retrying until <paramref name="wait"/> has passed.
    /// Returns null when another holder keeps it that long.
    /// </summary>
    public static ApprovalLock? TryAcquire(ArtifactStore store, string id, TimeSpan wait)
    {
        if (!ApprovalPaths.IsValidId(id))
        {
            throw new ArgumentException($"\"{id}\" is not a valid approval id", nameof(id));
        }

        var folder = store.Resolve(ApprovalPaths.LockFolder)
            ?? throw new IOException($"{ApprovalPaths.LockFolder} is not usable inside the artifact root (a link out of the root?)");
        Directory.CreateDirectory(folder);
        var path = store.Resolve(ApprovalPaths.LockPath(id))
            ?? throw new IOException($"{ApprovalPaths.LockPath(id)} is not usable inside the artifact root");

        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new ApprovalLock(id, stream);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return null;
                }

                Thread.Sleep(Random.Shared.Next(20, 60));
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}

namespace OpsConsole.Web.Infrastructure;

/// <summary>
/// Lets the first index build wait for a signal. Production starts at once; tests hold it to
/// observe the "not ready yet" state deterministically.
/// </summary>
public sealed class IndexStartSignal
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A signal that is already released.</summary>
    public static IndexStartSignal Released()
    {
        var s = new IndexStartSignal();
        s.Release();
        return s;
    }

    /// <summary>Lets the first build start.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Completes when released.</summary>
    public Task WaitAsync(CancellationToken ct) => _released.Task.WaitAsync(ct);
}

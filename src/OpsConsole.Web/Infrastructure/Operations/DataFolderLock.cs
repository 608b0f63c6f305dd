namespace OpsConsole.Web.Infrastructure.Operations;

/// <summary>
/// One web instance per data folder. SQLite tolerates a second process, but two consoles over one
/// index would run two indexers and two sets of maintenance passes against each other; so the web
/// app holds an OS lock on <c>opsconsole.lock</c> in the data folder for its whole life, and a second
/// instance stops at start with one clear message. The lock is on its own file, not on the database:
/// the CLI keeps working alongside the web app. The OS drops the lock when the process ends, however
/// it ends, so a crash never leaves a stale lock behind.
/// </summary>
internal sealed class DataFolderLock : IDisposable
{
    public const string FileName = "opsconsole.lock";

    private readonly FileStream _file;

    private DataFolderLock(string path, FileStream file)
    {
        Path = path;
        _file = file;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock on <paramref name="dataFolder"/>, or throws with the message an operator sees.</summary>
    public static DataFolderLock Acquire(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var path = System.IO.Path.Combine(dataFolder, FileName);
        try
        {
            // FileShare.None is an exclusive flock(2) on Linux: refused to every other open, this process included.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            WriteOwner(file);
            return new DataFolderLock(path, file);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new InvalidOperationException(
                $"another OpsConsole instance is already running on the data folder {dataFolder} (it holds {path}). " +
                "Stop it first, or give this instance its own OpsConsole:DatabasePath.", ex);
        }
    }

    public void Dispose() => _file.Dispose();

    // The process id, for an operator who wants to know who holds it (cat works: the lock is advisory).
    private static void WriteOwner(FileStream file)
    {
        file.SetLength(0);
        var text = System.Text.Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n");
        file.Write(text);
        file.Flush();
    }
}

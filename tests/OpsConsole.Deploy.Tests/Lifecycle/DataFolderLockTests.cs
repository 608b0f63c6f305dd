using OpsConsole.Deploy.Tests.Support;
using OpsConsole.Web.Infrastructure.Operations;

namespace OpsConsole.Deploy.Tests.Lifecycle;

public sealed class DataFolderLockTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewWorkFolder("lock");

    [Fact]
    public void A_second_holder_of_the_same_data_folder_is_refused_with_one_clear_message()
    {
        using var first = DataFolderLock.Acquire(_folder);

        var error = Assert.Throws<InvalidOperationException>(() => DataFolderLock.Acquire(_folder));

        Assert.StartsWith("another OpsConsole instance is already running on the data folder " + _folder, error.Message);
        Assert.Contains("OpsConsole:DatabasePath", error.Message);
    }

    [Fact]
    public void The_lock_is_free_again_once_its_holder_is_gone()
    {
        DataFolderLock.Acquire(_folder).Dispose();

        using var again = DataFolderLock.Acquire(_folder);

        Assert.Equal(Path.Combine(_folder, DataFolderLock.FileName), again.Path);
    }

    [Fact]
    public void The_database_itself_stays_open_to_other_processes_such_as_the_cli()
    {
        using var held = DataFolderLock.Acquire(_folder);
        var db = Path.Combine(_folder, "index.db");
        File.WriteAllText(db, "");

        using var cliOpen = new FileStream(db, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);

        Assert.True(cliOpen.CanWrite);
    }

    public void Dispose() => RepoPaths.DeleteQuietly(_folder);
}
